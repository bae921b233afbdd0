/* The invented world of gen_events (gen_world.h). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_world.h"

static const gw_country_info COUNTRIES[] = {
    {"USA", "United States", "Washington", "American"},
    {"CHN", "China", "Beijing", "Chinese"},
    {"RUS", "Russian Federation", "Moscow", "Russian"},
    {"DEU", "Germany", "Berlin", "German"},
    {"FRA", "France", "Paris", "French"},
    {"GBR", "United Kingdom", "London", "British"},
    {"TUR", "Türkiye", "Ankara", "Turkish"},
    {"JPN", "Japan", "Tokyo", "Japanese"},
    {"IND", "India", "New Delhi", "Indian"},
    {"BRA", "Brazil", "Brasilia", "Brazilian"},
    {"IRN", "Iran", "Tehran", "Iranian"},
    {"SAU", "Saudi Arabia", "Riyadh", "Saudi"},
    {"EGY", "Egypt", "Cairo", "Egyptian"},
    {"ZAF", "South Africa", "Pretoria", "South African"},
    {"NGA", "Nigeria", "Abuja", "Nigerian"},
    {"KEN", "Kenya", "Nairobi", "Kenyan"},
    {"ETH", "Ethiopia", "Addis Ababa", "Ethiopian"},
    {"IDN", "Indonesia", "Jakarta", "Indonesian"},
    {"PAK", "Pakistan", "Islamabad", "Pakistani"},
    {"KOR", "South Korea", "Seoul", "South Korean"},
    {"AUS", "Australia", "Canberra", "Australian"},
    {"CAN", "Canada", "Ottawa", "Canadian"},
    {"MEX", "Mexico", "Mexico City", "Mexican"},
    {"ARG", "Argentina", "Buenos Aires", "Argentine"},
    {"ITA", "Italy", "Rome", "Italian"},
    {"ESP", "Spain", "Madrid", "Spanish"},
    {"POL", "Poland", "Warsaw", "Polish"},
    {"UKR", "Ukraine", "Kyiv", "Ukrainian"},
    {"KAZ", "Kazakhstan", "Astana", "Kazakh"},
    {"AZE", "Azerbaijan", "Baku", "Azerbaijani"},
    {"ARM", "Armenia", "Yerevan", "Armenian"},
    {"GEO", "Georgia", "Tbilisi", "Georgian"},
    {"QAT", "Qatar", "Doha", "Qatari"},
    {"ARE", "United Arab Emirates", "Abu Dhabi", "Emirati"},
    {"JOR", "Jordan", "Amman", "Jordanian"},
    {"VNM", "Viet Nam", "Hanoi", "Vietnamese"},
    {"THA", "Thailand", "Bangkok", "Thai"},
    {"MYS", "Malaysia", "Kuala Lumpur", "Malaysian"},
    {"PHL", "Philippines", "Manila", "Philippine"},
    {"NOR", "Norway", "Oslo", "Norwegian"},
    {"SWE", "Sweden", "Stockholm", "Swedish"},
    {"FIN", "Finland", "Helsinki", "Finnish"},
    {"EST", "Estonia", "Tallinn", "Estonian"},
    {"LVA", "Latvia", "Riga", "Latvian"},
    {"LTU", "Lithuania", "Vilnius", "Lithuanian"},
    {"BEL", "Belgium", "Brussels", "Belgian"},
    {"AUT", "Austria", "Vienna", "Austrian"},
    {"HUN", "Hungary", "Budapest", "Hungarian"},
    {"ROU", "Romania", "Bucharest", "Romanian"},
    {"SRB", "Serbia", "Belgrade", "Serbian"},
    {"GRC", "Greece", "Athens", "Greek"},
    {"PRT", "Portugal", "Lisbon", "Portuguese"},
    {"IRL", "Ireland", "Dublin", "Irish"},
    {"CHL", "Chile", "Santiago", "Chilean"},
    {"COL", "Colombia", "Bogota", "Colombian"},
    {"PER", "Peru", "Lima", "Peruvian"},
};
#define NCOUNTRIES ((int)(sizeof COUNTRIES / sizeof COUNTRIES[0]))
#define PER_COUNTRY 800 /* officials of each country: 44,800 in all */

/* Invented syllables: surnames are a head and a tail, 40 x 40 of them. */
static const char *const HEADS[] = {
    "Vel",  "Kor", "Mar",  "Tal", "Ost", "Ren", "Dav", "Sol", "Bri", "Hal",
    "Nor",  "Lin", "Grav", "Esk", "Por", "Mil", "Ard", "Cas", "Dor", "Fen",
    "Gil",  "Hor", "Ith",  "Jar", "Kes", "Lor", "Mun", "Nev", "Orl", "Pav",
    "Quin", "Ros", "Sev",  "Tor", "Ul",  "Var", "Wen", "Yar", "Zel", "Bel"};
static const char *const TAILS[] = {
    "ani", "ov",   "enko", "sen", "ez",   "ari", "ek",  "ander", "ovic",  "ssen",
    "ina", "oglu", "ic",   "ard", "etti", "ura", "is",  "ado",   "berg",  "mann",
    "kov", "eanu", "ides", "os",  "uk",   "al",  "ado", "ine",   "ström", "elli",
    "ova", "ing",  "as",   "yan", "oni",  "ers", "ata", "ski",   "emi",   "ull"};
static const char *const GIVEN[] = {
    "Ana",    "Tomas",  "Lea",   "Marek", "Ines",  "Karim", "Sofia", "Jonas",  "Amara",
    "Pavel",  "Noor",   "Eitan", "Mira",  "Olek",  "Daria", "Ravi",  "Lucia",  "Arvo",
    "Yasmin", "Teodor", "Kaja",  "Emil",  "Nadia", "Sami",  "Irena", "Bruno",  "Leila",
    "Viktor", "Ada",    "Milan", "Zora",  "Felix", "Hana",  "Oskar", "Alma",   "Dario",
    "Selin",  "Igor",   "Vera",  "Kemal", "Rosa",  "Anton", "Elif",  "Matteo", "Dina",
    "Jakub",  "Nina",   "Tariq", "Greta", "Luka",  "Maya",  "Ruben", "Iva",    "Omar",
    "Clara",  "Stefan", "Aiko",  "Paulo", "Esra",  "Henrik"};
#define NHEADS (sizeof HEADS / sizeof HEADS[0])
#define NTAILS (sizeof TAILS / sizeof TAILS[0])
#define NGIVEN (sizeof GIVEN / sizeof GIVEN[0])

/* Titles by rank; past the top, the rest in turn. `ministry`: their organization. */
static const struct {
    const char *title, *ministry;
} TOP[] =
    {
        {"President", NULL},
        {"Prime Minister", NULL},
        {"Foreign Minister", "Ministry of Foreign Affairs"},
        {"Defence Minister", "Ministry of Defence"},
        {"Minister of Trade", "Ministry of Trade"},
        {"Minister of Energy", "Ministry of Energy"},
        {"Minister of Finance", "Ministry of Finance"},
        {"Interior Minister", "Ministry of the Interior"},
},
  REST[] = {
      {"Ambassador", NULL},
      {"Deputy Foreign Minister", "Ministry of Foreign Affairs"},
      {"State Secretary", NULL},
      {"Chief of the General Staff", "Ministry of Defence"},
      {"Governor of the Central Bank", NULL},
      {"Minister of Health", "Ministry of Health"},
      {"Minister of Education", "Ministry of Education"},
      {"Minister of Agriculture", "Ministry of Agriculture"},
      {"Deputy Prime Minister", NULL},
      {"National Security Adviser", NULL},
      {"Minister of Justice", "Ministry of Justice"},
      {"Speaker of Parliament", NULL},
      {"Deputy Minister of Trade", "Ministry of Trade"},
      {"Special Envoy", NULL},
};
#define NTOP (sizeof TOP / sizeof TOP[0])
#define NREST (sizeof REST / sizeof REST[0])

static const char *const TOPICS[] = {
    "Energy Cooperation", "Trade and Investment",   "Defence Cooperation",
    "Visa Facilitation",  "Maritime Security",      "Cultural Exchange",
    "Agricultural Trade", "Health Cooperation",     "Double Taxation",
    "Border Management",  "Science and Technology", "Civil Aviation"};
static const char *const KINDS[] = {"Agreement",   "Memorandum", "Protocol",
                                    "Declaration", "Treaty",     "Plan"};
#define NTOPICS (sizeof TOPICS / sizeof TOPICS[0])
#define NKINDS (sizeof KINDS / sizeof KINDS[0])

uint64_t gw_rand(gw_world *w)
{
    uint64_t z = (w->rng += 0x9E3779B97F4A7C15ULL);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

/* Cumulative Zipf weights 1/k^s for k = 1..n, normalized. */
static double *zipf_cdf(size_t n, double s)
{
    double *c = malloc(n * sizeof(*c)), sum = 0;

    if (c == NULL)
        return NULL;
    for (size_t k = 0; k < n; k++)
        c[k] = (sum += 1.0 / pow((double)(k + 1), s));
    for (size_t k = 0; k < n; k++)
        c[k] /= sum;
    return c;
}

static size_t draw(gw_world *w, const double *cdf, size_t n)
{
    double u = (double)(gw_rand(w) >> 11) / 9007199254740992.0; /* [0, 1) */
    size_t lo = 0, hi = n - 1;

    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cdf[mid] > u)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

int gw_init(gw_world *w, uint64_t seed)
{
    memset(w, 0, sizeof(*w));
    w->rng = seed;
    w->countries = COUNTRIES;
    w->ncountries = NCOUNTRIES;
    w->per_country = PER_COUNTRY;
    w->npeople = (size_t)NCOUNTRIES * PER_COUNTRY;
    w->country_cdf = zipf_cdf(NCOUNTRIES, 0.8);
    w->rank_cdf = zipf_cdf(PER_COUNTRY, 1.05);
    w->people = calloc(w->npeople, sizeof(*w->people));
    if (!w->country_cdf || !w->rank_cdf || !w->people) {
        gw_free(w);
        return -1;
    }
    for (size_t p = 0; p < w->npeople; p++) {
        w->people[p].country = (int)(p / PER_COUNTRY);
        w->people[p].rank = p % PER_COUNTRY;
    }
    return 0;
}

void gw_free(gw_world *w)
{
    free(w->country_cdf);
    free(w->rank_cdf);
    free(w->people);
    memset(w, 0, sizeof(*w));
}

int gw_country(gw_world *w)
{
    return (int)draw(w, w->country_cdf, (size_t)w->ncountries);
}

int gw_country_other(gw_world *w, int not_this)
{
    int c;

    while ((c = gw_country(w)) == not_this)
        ;
    return c;
}

size_t gw_person_of(gw_world *w, int c)
{
    return (size_t)c * w->per_country + draw(w, w->rank_cdf, w->per_country);
}

/*
 * Person p's surname is shared with every 1,600th person (across countries,
 * so surnames alone are sometimes ambiguous); given name and surname together
 * are unique.
 */
void gw_person_name(char *out, size_t size, const gw_world *w, size_t p, int form)
{
    size_t s = (p * 7919) % (NHEADS * NTAILS), g = (p / (NHEADS * NTAILS)) % NGIVEN;

    (void)w;
    if (form == GW_SHORT)
        snprintf(out, size, "%s%s", HEADS[s % NHEADS], TAILS[s / NHEADS]);
    else
        snprintf(out, size, "%s %s%s", GIVEN[g], HEADS[s % NHEADS], TAILS[s / NHEADS]);
    if (form == GW_CAPS)
        for (char *c = out; *c; c++)
            *c = (char)toupper((unsigned char)*c);
}

static size_t rest_of(size_t rank)
{
    return (rank - NTOP) % NREST;
}

const char *gw_title(const gw_world *w, size_t p)
{
    size_t r = w->people[p].rank;

    return r < NTOP ? TOP[r].title : REST[rest_of(r)].title;
}

static const char *ministry(const gw_world *w, size_t p)
{
    size_t r = w->people[p].rank;

    return r < NTOP ? TOP[r].ministry : REST[rest_of(r)].ministry;
}

const char *gw_org_id(const gw_world *w, size_t p, char *buf, size_t size)
{
    const char *m = ministry(w, p);

    if (m == NULL)
        return NULL;
    snprintf(buf, size, "org:%s %s", w->countries[w->people[p].country].adjective, m);
    gw_slug(buf + 4);
    return buf;
}

void gw_org_name(char *out, size_t size, const gw_world *w, size_t p)
{
    snprintf(out, size, "%s %s", w->countries[w->people[p].country].adjective,
             ministry(w, p) ? ministry(w, p) : "");
}

size_t gw_agreement(gw_world *w, int ca, int cb)
{
    size_t lo = (size_t)(ca < cb ? ca : cb), hi = (size_t)(ca < cb ? cb : ca);

    return (lo * (size_t)NCOUNTRIES + hi) * NTOPICS + gw_rand(w) % NTOPICS;
}

const char *gw_agreement_kind(size_t a)
{
    static const char *const LOWER[] = {"agreement",   "memorandum", "protocol",
                                        "declaration", "treaty",     "plan"};
    return LOWER[a % NKINDS];
}

void gw_agreement_name(char *out, size_t size, const gw_world *w, size_t a)
{
    size_t pair = a / NTOPICS;
    const char *x = w->countries[pair / (size_t)NCOUNTRIES].adjective,
               *y = w->countries[pair % (size_t)NCOUNTRIES].adjective;

    snprintf(out, size, "%s-%s %s %s", x, y, TOPICS[a % NTOPICS], KINDS[a % NKINDS]);
}

void gw_place_name(char *out, size_t size, gw_world *w, int c)
{
    uint64_t x = gw_rand(w) % 10;
    const char *capital = w->countries[c].capital;

    if (x < 7)
        snprintf(out, size, "%s", capital);
    else if (x < 9)
        snprintf(out, size, "Government House in %s", capital);
    else
        snprintf(out, size, "Foreign Ministry");
}

void gw_date(char out[16], long day)
{
    /* civil_from_days (H. Hinnant), from 2015-01-01 = day 16436 of the epoch */
    long z = day + 16436 + 719468, era = z / 146097, doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
    long y = yoe + era * 400 + (m <= 2);

    snprintf(out, 16, "%04d-%02d-%02d", (int)(y % 10000), (int)m % 100, (int)d % 100);
}

void gw_slug(char *s)
{
    char *o = s, *start = s;
    int dash = 0;

    /* The output is never longer than what was read: in place. */
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c & 0xC0) == 0x80)
            continue; /* a continuation byte: its character was handled */
        if (isalnum(c) || c >= 0x80) {
            if (dash && o > start)
                *o++ = '-';
            *o++ = c >= 0x80 ? 'o' : (char)tolower(c); /* the one non-ASCII letter: ö */
            dash = 0;
        } else {
            dash = 1;
        }
    }
    *o = '\0';
}
