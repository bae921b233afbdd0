/*
 * What a report says, written once for every format through a renderer:
 * the summary, the pictures with their captions, the rankings, the
 * countries, the communities and how to open the graphs in Gephi. The
 * agreements and the profiles of people are in profiles.c.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

typedef struct {
    const char *anchor, *title;
} section;

/* Anchors are what GitHub derives from the titles, so Markdown links work too. */
static const section SECTIONS[] = {
    {"summary", "Summary"},
    {"network-of-people", "Network of people"},
    {"most-central-people", "Most central people"},
    {"rankings", "Rankings"},
    {"timeline", "Timeline"},
    {"countries", "Countries"},
    {"communities", "Communities"},
    {"agreements", "Agreements"},
    {"profiles", "Profiles"},
    {"opening-the-graphs-in-gephi", "Opening the graphs in Gephi"},
};
enum {
    S_SUMMARY,
    S_NETWORK,
    S_CENTRAL,
    S_RANKINGS,
    S_TIMELINE,
    S_COUNTRIES,
    S_COMMUNITIES,
    S_AGREEMENTS,
    S_PROFILES,
    S_GEPHI,
    S__COUNT
};

void evg_i_rw_textf(evg_i_rw *w, const char *fmt, ...)
{
    char small[512], *big = NULL;
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof small && (big = malloc((size_t)n + 1)) != NULL) {
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    w->r->text(w, big ? big : small);
    free(big);
}

static void text(evg_i_rw *w, const char *s)
{
    w->r->text(w, s);
}

static void open_section(evg_i_rw *w, int s)
{
    w->r->heading(w, 2, SECTIONS[s].anchor, SECTIONS[s].title);
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* ---- header and summary ------------------------------------------------- */

typedef struct {
    size_t articles;
    const char *published_first, *published_last;
    size_t events;
    size_t named, in_events, met;
    size_t sources, max_sources, multi_source;
    size_t agreements, signed_, referenced;
} summary;

static void count_articles(summary *s, const evg_corpus *c)
{
    for (size_t i = 0; c && i < evg_corpus_doc_count(c); i++) {
        const char *d = evg_doc_date(evg_corpus_doc(c, i));
        s->articles++;
        if (d && (s->published_first == NULL || strcmp(d, s->published_first) < 0))
            s->published_first = d;
        if (d && (s->published_last == NULL || strcmp(d, s->published_last) > 0))
            s->published_last = d;
    }
}

/* Whether agreement `v` was signed (2), referenced (1) or neither (0) at a meeting. */
static int agreement_use(const evg_report *r, size_t v)
{
    int use = 0;

    for (size_t i = r->adj_start[v]; i < r->adj_start[v + 1]; i++) {
        evg_i_relation rel = evg_i_graph_eattr(r->full, r->adj[i])->rel;
        if (rel == EVG_I_REL_SIGNED)
            use = 2;
        else if (rel == EVG_I_REL_REFERENCES && use == 0)
            use = 1;
    }
    return use;
}

static void count_graph(summary *s, const evg_report *r)
{
    for (size_t v = 0; v < evg_graph_vertex_count(r->full); v++) {
        const evg_i_vattr *a = evg_i_graph_vattr(r->full, v);
        if (a->type == EVG_NODE_PERSON) {
            s->named++;
        } else if (a->type == EVG_NODE_MEETING) {
            s->events++;
            s->sources += a->sources;
            s->max_sources = a->sources > s->max_sources ? a->sources : s->max_sources;
            s->multi_source += a->sources > 1;
        } else if (a->type == EVG_NODE_AGREEMENT) {
            int use = agreement_use(r, v);
            s->agreements++;
            s->signed_ += use == 2;
            s->referenced += use == 1;
        }
    }
    s->in_events = evg_graph_vertex_count(r->people);
    for (size_t v = 0; v < s->in_events; v++)
        s->met += (size_t)evg_i_report_drawn(r, v);
}

static void header(evg_i_rw *w, const summary *s)
{
    const evg_report *r = w->rep;

    w->r->heading(w, 1, NULL, r->title);
    w->r->para(w, 1);
    if (r->corpus)
        evg_i_rw_textf(w,
                       "Who met whom, when, where and under which agreements, in %zu %s",
                       s->articles, plural(s->articles, "article", "articles"));
    else
        text(w, "Who met whom, when, where and under which agreements");
    if (s->published_first)
        evg_i_rw_textf(w, " published from %s to %s", s->published_first,
                       s->published_last);
    text(w, ", as evgraph extracted it. Every statement below can be traced to the "
            "sentences quoted in the profiles.");
    /* a report of one month or one country says so before any figure */
    if (evg_graph_filter(r->full)) {
        text(w, " Only the meetings of the filter ");
        w->r->strong(w, evg_graph_filter(r->full));
        text(w, " are shown, with the people, countries, agreements and places they "
                "touch.");
    }
    w->r->para(w, 0);
    w->r->toc(w, 1);
    for (int i = 0; i < S__COUNT; i++) {
        if (i)
            text(w, " \xC2\xB7 ");
        w->r->link(w, SECTIONS[i].anchor, SECTIONS[i].title);
    }
    w->r->toc(w, 0);
}

/* The events as the run summary and `query stats` count them (evg_graph_event_counts). */
static void events_fact(evg_i_rw *w)
{
    evg_event_counts ev;

    evg_graph_event_counts(&ev, w->rep->full);
    w->r->fact(w, "Events", 1);
    const struct {
        size_t n;
        const char *one, *many;
    } kinds[] = {{ev.talks, "talks", "talks"},
                 {ev.visits, "visit", "visits"},
                 {ev.signings, "signing", "signings"}};
    const char *sep = " (";

    evg_i_rw_textf(w, "%zu: %zu %s in person", ev.events, ev.meetings,
                   plural(ev.meetings, "meeting", "meetings"));
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        if (kinds[k].n) {
            evg_i_rw_textf(w, "%s%zu %s", sep, kinds[k].n,
                           plural(kinds[k].n, kinds[k].one, kinds[k].many));
            sep = ", ";
        }
    if (sep[0] == ',')
        text(w, ")");
    if (ev.calls)
        evg_i_rw_textf(w, ", %zu %s", ev.calls, plural(ev.calls, "call", "calls"));
    if (ev.planned)
        evg_i_rw_textf(w, ", %zu planned", ev.planned);
    w->r->fact(w, NULL, 0);
}

static void summary_section(evg_i_rw *w, const summary *s)
{
    const evg_report *r = w->rep;
    const evg_i_timeline *t = &r->tl;

    open_section(w, S_SUMMARY);
    w->r->facts(w, 1);
    if (r->corpus) {
        w->r->fact(w, "Articles", 1);
        evg_i_rw_textf(w, "%zu", s->articles);
        w->r->fact(w, NULL, 0);
    }
    events_fact(w);
    w->r->fact(w, "Dates", 1);
    if (t->dated)
        evg_i_rw_textf(w, "%s to %s", t->first, t->last);
    else
        text(w, "none");
    if (t->undated)
        evg_i_rw_textf(w, "; %zu without a date", t->undated);
    w->r->fact(w, NULL, 0);
    w->r->fact(w, "People", 1);
    evg_i_rw_textf(w, "%zu named, %zu in events, %zu met someone in person", s->named,
                   s->in_events, s->met);
    w->r->fact(w, NULL, 0);
    w->r->fact(w, "Countries and organizations", 1);
    {
        size_t nc = evg_graph_count_type(r->full, EVG_NODE_COUNTRY);
        size_t no = evg_graph_count_type(r->full, EVG_NODE_ORGANIZATION);
        evg_i_rw_textf(w, "%zu %s, %zu %s", nc, plural(nc, "country", "countries"), no,
                       plural(no, "organization", "organizations"));
    }
    w->r->fact(w, NULL, 0);
    w->r->fact(w, "Agreements", 1);
    evg_i_rw_textf(w, "%zu: %zu signed at a meeting, %zu referenced, %zu only named",
                   s->agreements, s->signed_, s->referenced,
                   s->agreements - s->signed_ - s->referenced);
    w->r->fact(w, NULL, 0);
    w->r->fact(w, "Sources per event", 1);
    if (s->events) {
        char num[EVG_I_NUM_BUF];
        snprintf(num, sizeof num, "%.2f", (double)s->sources / (double)s->events);
        evg_i_rw_textf(w,
                       "%s on average, at most %zu; %zu %s reported by more than one "
                       "article",
                       num, s->max_sources, s->multi_source,
                       plural(s->multi_source, "event", "events"));
    } else {
        text(w, "no events");
    }
    w->r->fact(w, NULL, 0);
    w->r->facts(w, 0);
}

/* How people are ranked (model.c): by betweenness, then degree, then PageRank, of those
 * computed. */
static const char *ranking(const evg_scores *sc)
{
    int btw = evg_scores_has(sc, EVG_M_BETWEENNESS),
        deg = evg_scores_has(sc, EVG_M_DEGREE);

    return btw && deg ? "ranked by betweenness, then degree"
           : btw      ? "ranked by betweenness"
           : deg      ? "ranked by degree"
           : evg_scores_has(sc, EVG_M_PAGERANK)
               ? "ranked by PageRank"
               : "listed in the order of their identifiers";
}

/* ---- pictures ----------------------------------------------------------- */

static void network_section(evg_i_rw *w, const summary *s)
{
    const evg_report *r = w->rep;

    open_section(w, S_NETWORK);
    w->r->figure(w, EVG_PIC_NETWORK, 1);
    evg_i_rw_textf(w,
                   "The %zu people who met someone in person, placed by igraph's "
                   "Fruchterman-Reingold layout (each group of connected people on its "
                   "own), coloured by country and %s. A line joins two "
                   "people who met; it is thicker when they met again. ",
                   s->met,
                   evg_scores_has(r->scores, EVG_M_PAGERANK)
                       ? "sized by PageRank"
                       : "all of one size (PageRank was not computed)");
    if (evg_scores_has(r->scores, EVG_M_BETWEENNESS))
        evg_i_rw_textf(w,
                       "The %zu most central by betweenness are named where there is "
                       "room.",
                       r->top < s->met ? r->top : s->met);
    else
        evg_i_rw_textf(w, "The %zu first, %s, are named where there is room.",
                       r->top < s->met ? r->top : s->met, ranking(r->scores));
    if (s->in_events > s->met)
        evg_i_rw_textf(w,
                       " %zu more took part only in calls or planned events and %s "
                       "not drawn.",
                       s->in_events - s->met, plural(s->in_events - s->met, "is", "are"));
    w->r->figure(w, EVG_PIC_NETWORK, 0);
}

static void central_section(evg_i_rw *w)
{
    open_section(w, S_CENTRAL);
    w->r->pair(w, 1);
    w->r->figure(w, EVG_PIC_BETWEENNESS, 1);
    text(w, "Betweenness: how often someone lies on the shortest path between two "
            "others. The brokers between groups score highest.");
    w->r->figure(w, EVG_PIC_BETWEENNESS, 0);
    w->r->figure(w, EVG_PIC_DEGREE, 1);
    text(w, "Degree: how many different people someone met in person.");
    w->r->figure(w, EVG_PIC_DEGREE, 0);
    w->r->pair(w, 0);
}

static void timeline_section(evg_i_rw *w)
{
    const evg_i_timeline *t = &w->rep->tl;

    open_section(w, S_TIMELINE);
    w->r->figure(w, EVG_PIC_TIMELINE, 1);
    if (t->unit)
        evg_i_rw_textf(w,
                       "Events per %s, stacked by kind; planned events count at the "
                       "date they were planned for.",
                       t->unit);
    if (t->undated)
        evg_i_rw_textf(w, " %zu %s no date and %s left out.", t->undated,
                       plural(t->undated, "event has", "events have"),
                       plural(t->undated, "is", "are"));
    if (t->unit == NULL && t->undated == 0)
        text(w, "There are no events.");
    w->r->figure(w, EVG_PIC_TIMELINE, 0);
}

/* ---- rankings ----------------------------------------------------------- */

/* The measures of the rankings table: its column title and what it means. */
static const struct {
    evg_measure m;
    const char *head, *means;
} TABLE_MEASURES[] = {
    {EVG_M_DEGREE, "Degree", "Degree: people met."},
    {EVG_M_STRENGTH, "Strength", "Strength: meetings, counting repeats."},
    {EVG_M_BETWEENNESS, "Betweenness", NULL},
    {EVG_M_CLOSENESS, "Closeness", "Closeness: harmonic, normalized."},
    {EVG_M_EIGENVECTOR, "Eigenvector", "Eigenvector: scaled to a maximum of 1."},
    {EVG_M_PAGERANK, "PageRank", "PageRank: damping 0.85."},
};
#define NTABLE (sizeof TABLE_MEASURES / sizeof TABLE_MEASURES[0])

/* Whether betweenness and closeness are approximate, and how (--betweenness-cutoff). */
static void approximate(evg_i_rw *w, const evg_scores *sc)
{
    int btw = evg_scores_has(sc, EVG_M_BETWEENNESS),
        clo = evg_scores_has(sc, EVG_M_CLOSENESS);

    if (evg_scores_cutoff(sc) > 0)
        evg_i_rw_textf(w,
                       " %s approximate: %s only the shortest paths up to %.9g long "
                       "(a meeting shared n times is 1/n long).",
                       btw && clo ? "Betweenness and closeness are"
                       : btw      ? "Betweenness is"
                                  : "Closeness is",
                       btw && clo ? "they count" : "it counts", evg_scores_cutoff(sc));
}

/*
 * What the rankings show. With every measure: the one text it always had.
 * Else the measures computed, how the people are ranked by them (as
 * rank_people() does: a measure left out scores 0 for all), and the measures
 * left out.
 */
static void rankings_intro(evg_i_rw *w)
{
    const evg_scores *sc = w->rep->scores;
    const char *sep = "";

    if (evg_scores_measures(sc) == EVG_MEASURES_ALL) {
        text(w, "Every centrality measure of the people graph (people joined by the "
                "meetings they shared), computed by igraph; ranked by betweenness, then "
                "degree. Degree: people met; strength: meetings, counting repeats; "
                "closeness: harmonic, normalized; eigenvector: scaled to a maximum of 1; "
                "PageRank: damping 0.85.");
        approximate(w, sc);
        return;
    }
    evg_i_rw_textf(w,
                   "The centrality measures computed on the people graph (people joined "
                   "by the meetings they shared), by igraph; %s.",
                   ranking(sc));
    for (size_t m = 0; m < NTABLE; m++)
        if (TABLE_MEASURES[m].means && evg_scores_has(sc, TABLE_MEASURES[m].m))
            evg_i_rw_textf(w, " %s", TABLE_MEASURES[m].means);
    text(w, " Not computed (--measures): ");
    for (size_t m = 0; m < NTABLE; m++)
        if (!evg_scores_has(sc, TABLE_MEASURES[m].m)) {
            evg_i_rw_textf(w, "%s%s", sep, evg_measure_name(TABLE_MEASURES[m].m));
            sep = ", ";
        }
    text(w, ".");
    approximate(w, sc);
}

static void rankings_section(evg_i_rw *w)
{
    const char *head[3 + NTABLE] = {"#", "Person", "Country"};
    char align[4 + NTABLE] = "rll";
    const evg_report *r = w->rep;
    size_t n = evg_graph_vertex_count(r->people), ncols = 3;
    size_t rows = r->top > EVG_I_REPORT_TABLE_ROWS ? r->top : EVG_I_REPORT_TABLE_ROWS;
    char num[EVG_I_NUM_BUF];

    for (size_t m = 0; m < NTABLE; m++)
        if (evg_scores_has(r->scores, TABLE_MEASURES[m].m)) {
            head[ncols] = TABLE_MEASURES[m].head;
            align[ncols++] = 'r';
        }
    align[ncols] = '\0';
    open_section(w, S_RANKINGS);
    w->r->para(w, 1);
    rankings_intro(w);
    w->r->para(w, 0);
    if (n == 0) {
        w->r->para(w, 1);
        text(w, "Nobody took part in an event.");
        w->r->para(w, 0);
        return;
    }
    w->r->table(w, 1, head, align, ncols);
    for (size_t i = 0; i < n && i < rows; i++) {
        size_t v = r->order[i];
        const char *c = evg_i_graph_vattr(r->people, v)->country;
        w->r->row(w, 1);
        w->r->cell(w, 1);
        evg_i_rw_textf(w, "%zu", i + 1);
        w->r->cell(w, 0);
        w->r->cell(w, 1);
        text(w, evg_graph_vertex_label(r->people, v));
        w->r->cell(w, 0);
        w->r->cell(w, 1);
        text(w, c ? evg_i_report_country(r, c) : "");
        w->r->cell(w, 0);
        for (size_t m = 0; m < NTABLE; m++) {
            if (!evg_scores_has(r->scores, TABLE_MEASURES[m].m))
                continue;
            w->r->cell(w, 1);
            text(w, evg_i_report_num(num,
                                     evg_scores_get(r->scores, TABLE_MEASURES[m].m, v)));
            w->r->cell(w, 0);
        }
        w->r->row(w, 0);
    }
    w->r->table(w, 0, NULL, NULL, 0);
    if (n > rows) {
        w->r->para(w, 1);
        evg_i_rw_textf(w, "%zu more people are in the people graph.", n - rows);
        w->r->para(w, 0);
    }
}

/* ---- countries ---------------------------------------------------------- */

typedef struct {
    size_t i, j, n;
} cell_ref;

static int by_count(const void *a, const void *b)
{
    const cell_ref *x = a, *y = b;

    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    if (x->i != y->i)
        return x->i < y->i ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

static void top_pairs(evg_i_rw *w)
{
    const evg_report *r = w->rep;
    const evg_i_matrix *mx = &r->mx;
    cell_ref *c;
    size_t k = 0;

    if (mx->n < 2 || (c = calloc(mx->n * mx->n, sizeof(*c))) == NULL)
        return;
    for (size_t i = 0; i < mx->n; i++)
        for (size_t j = i + 1; j < mx->n; j++)
            if (mx->cell[i * mx->n + j])
                c[k++] = (cell_ref){i, j, mx->cell[i * mx->n + j]};
    qsort(c, k, sizeof(*c), by_count);
    w->r->para(w, 1);
    text(w, "The pairs that met most:");
    w->r->para(w, 0);
    w->r->list(w, 1);
    for (size_t i = 0; i < k && i < 10; i++) {
        w->r->item(w, 1);
        w->r->strong(w, evg_i_report_country(r, mx->code[c[i].i]));
        text(w, " and ");
        w->r->strong(w, evg_i_report_country(r, mx->code[c[i].j]));
        evg_i_rw_textf(w, ": %zu %s", c[i].n, plural(c[i].n, "meeting", "meetings"));
        w->r->item(w, 0);
    }
    w->r->list(w, 0);
    free(c);
}

static void countries_section(evg_i_rw *w)
{
    const evg_i_matrix *mx = &w->rep->mx;

    open_section(w, S_COUNTRIES);
    w->r->figure(w, EVG_PIC_COUNTRIES, 1);
    text(w,
         "How many in-person meetings (meetings, visits, signings) joined officials of "
         "two countries; a meeting counts once for each pair of countries present. ");
    if (mx->countries > mx->n)
        evg_i_rw_textf(w, "The %zu countries with most such meetings are shown, of %zu. ",
                       mx->n, mx->countries);
    evg_i_rw_textf(w, "%zu %s of countries met in all.", mx->pairs,
                   plural(mx->pairs, "pair", "pairs"));
    w->r->figure(w, EVG_PIC_COUNTRIES, 0);
    top_pairs(w);
}

/* ---- Gephi -------------------------------------------------------------- */

/*
 * A list item (or, without `what`, a paragraph) of text and code in turns:
 * parts[0] is text, parts[1] code, parts[2] text...
 */
static void step(evg_i_rw *w, const char *what, const char *const *parts)
{
    if (what) {
        w->r->item(w, 1);
        w->r->strong(w, what);
        text(w, " ");
    } else {
        w->r->para(w, 1);
    }
    for (size_t i = 0; parts[i]; i++) {
        if (i % 2)
            w->r->code(w, parts[i]);
        else
            text(w, parts[i]);
    }
    if (what)
        w->r->item(w, 0);
    else
        w->r->para(w, 0);
}

/* Between the steps of a menu path: a single right-pointing angle quotation mark. */
#define MENU " \xE2\x80\xBA "

/*
 * The parts of the step on columns (text and code in turn, as step() takes
 * them): the metric columns of the measures computed, then `rest`.
 */
static void score_columns(const char **out, const evg_scores *sc, const char *const *rest)
{
    static const char *const COLUMN[EVG_M__COUNT] = {"deg", "strength", "btw",
                                                     "clo", "eig",      "pr"};
    size_t k = 0;

    out[k++] = "";
    for (int m = 0; m < EVG_M__COUNT; m++) {
        if (!evg_scores_has(sc, (evg_measure)m))
            continue;
        if (k > 1)
            out[k++] = ", ";
        out[k++] = COLUMN[m];
    }
    if (k > 1) /* `rest` starts with code, after this text or the empty one */
        out[k++] = " are the scores of this report; ";
    for (size_t i = 0; rest[i]; i++)
        out[k++] = rest[i];
    out[k] = NULL;
}

static void gephi_section(evg_i_rw *w)
{
    const char *full = w->rep->full_file, *people = w->rep->people_file;
    char build_full[320], build_people[320];
    const char *files[] = {
        "",
        "evgraph run",
        " writes the graphs beside this report: ",
        full,
        " (people, organizations, countries, meetings, agreements, places) and ",
        people,
        " (who met whom). From extracted events, ",
        build_full,
        " and ",
        build_people,
        " make them.",
        NULL};
    const char *open_[] = {"File" MENU "Open, choose ", people,
                           ", keep the graph undirected.", NULL};
    static const char *const layout[] = {"Layout panel: ForceAtlas 2 with ",
                                         "Prevent Overlap",
                                         ", Run, then Stop once it settles.", NULL};
    static const char *const color[] = {"Appearance" MENU "Nodes" MENU "Color" MENU
                                        "Partition" MENU,
                                        "country",
                                        " or ",
                                        "community",
                                        " (people graph), ",
                                        "type",
                                        " (full graph; its colours are already in the ",
                                        "color",
                                        " column, which Gephi shows on opening).",
                                        NULL};
#define SIZE_BY "Appearance" MENU "Nodes" MENU "Size" MENU "Ranking" MENU
    static const char *const size_both[] = {SIZE_BY,
                                            "btw",
                                            " (betweenness) or ",
                                            "pr",
                                            " (PageRank), from 5 to 40; the ",
                                            "size",
                                            " column already holds a size by PageRank.",
                                            NULL};
    static const char *const size_pr[] = {SIZE_BY,
                                          "pr",
                                          " (PageRank), from 5 to 40; the ",
                                          "size",
                                          " column already holds a size by PageRank.",
                                          NULL};
    static const char *const size_btw[] = {SIZE_BY, "btw",
                                           " (betweenness), from 5 to 40.", NULL};
    static const char *const size_deg[] = {SIZE_BY, "deg", " (people met), from 5 to 40.",
                                           NULL};
#undef SIZE_BY
    const evg_scores *sc = w->rep->scores;
    int btw = evg_scores_has(sc, EVG_M_BETWEENNESS),
        pr = evg_scores_has(sc, EVG_M_PAGERANK);
    const char *const *size = btw && pr                          ? size_both
                              : pr                               ? size_pr
                              : btw                              ? size_btw
                              : evg_scores_has(sc, EVG_M_DEGREE) ? size_deg
                                                                 : NULL;
    static const char *const dates[] = {
        "first_seen",
        " and ",
        "last_seen",
        " date each node; ",
        "meetings",
        " counts a person's in-person meetings (Filters" MENU "Attributes" MENU
        "Range keeps the active ones).",
        NULL};
    const char *cols[2 * EVG_M__COUNT + sizeof dates / sizeof dates[0] + 1];

    snprintf(build_full, sizeof build_full, "evgraph build events.jsonl -o %s", full);
    snprintf(build_people, sizeof build_people,
             "evgraph build events.jsonl --view people -o %s", people);
    open_section(w, S_GEPHI);
    step(w, NULL, files);
    w->r->list(w, 1);
    step(w, "Open:", open_);
    step(w, "Lay out:", layout);
    step(w, "Colour:", color);
    if (size) /* by a score the graph has */
        step(w, "Size:", size);
    score_columns(cols, w->rep->scores, dates);
    step(w, "Columns:", cols);
    w->r->list(w, 0);
}

/* ---- the whole document ------------------------------------------------- */

void evg_i_report_sections(evg_i_rw *w)
{
    summary s;

    memset(&s, 0, sizeof s);
    count_articles(&s, w->rep->corpus);
    count_graph(&s, w->rep);
    w->r->begin(w, w->rep->title);
    header(w, &s);
    summary_section(w, &s);
    network_section(w, &s);
    central_section(w);
    rankings_section(w);
    timeline_section(w);
    countries_section(w);
    evg_i_report_communities(w, SECTIONS[S_COMMUNITIES].anchor,
                             SECTIONS[S_COMMUNITIES].title);
    evg_i_report_agreements(w, SECTIONS[S_AGREEMENTS].anchor,
                            SECTIONS[S_AGREEMENTS].title);
    evg_i_report_profiles(w, SECTIONS[S_PROFILES].anchor, SECTIONS[S_PROFILES].title);
    gephi_section(w);
    w->r->end(w);
}
