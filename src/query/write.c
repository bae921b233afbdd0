/*
 * An answer written for people (a heading and aligned columns), for cut and
 * awk (TSV: a header line, then one line per answer) or for programs (the
 * JSON document itself). Tables and TSV are read from the JSON document by
 * the layout of each command below, so the three always say the same.
 */
#include <locale.h>
#include <string.h>

#include <utf8proc.h>

#include "query/query_internal.h"
#include "util/utf8.h"

typedef enum {
    C_TEXT,  /* a value: a string, a number, a list of strings joined "; " */
    C_PLUCK, /* a list of objects: the `sub` of each, joined "; " */
    C_COUNT  /* a list: its length */
} col_kind;

#define TBL 1u
#define TSV 2u
#define BOTH (TBL | TSV)

typedef struct {
    const char *head; /* the table's heading and the TSV header: "NAME", "name" */
    const char *key;  /* in each row object; "from.name" reads one level down */
    const char *sub;  /* C_PLUCK */
    col_kind kind;
    unsigned where;
} column;

typedef struct {
    const char *key;     /* the document's array of rows, or object of a record */
    const char *heading; /* tables of several sections: a line before it */
    const column *cols;  /* a list; NULL for a record (key: value lines) */
    unsigned bare;       /* a table without header line, indented (candidates) */
} section;

typedef struct evg_i_qlayout {
    void (*title)(evg_i_buf *b, const json_t *doc);
    const section *sections;
    const char *subject; /* when the document's subject is null, the title alone */
} layout;

/* ---- cells ------------------------------------------------------------------ */

static const json_t *at(const json_t *o, const char *key)
{
    const char *dot = strchr(key, '.');
    char first[32];

    if (dot == NULL)
        return json_object_get(o, key);
    snprintf(first, sizeof first, "%.*s", (int)(dot - key), key);
    return json_object_get(json_object_get(o, first), dot + 1);
}

/* Empty `b`, its text "" (never NULL). */
static int reset(evg_i_buf *b)
{
    evg_i_buf_clear(b);
    if (b->ptr == NULL && evg_i_buf_putc(b, '\0') < 0)
        return EVG_ENOMEM;
    evg_i_buf_clear(b);
    return 0;
}

/*
 * Text from the graph (names, titles, document ids, which are file names) as
 * a table or TSV shows it: tabs and line breaks would break its lines, so they
 * are spaces; other control characters and bidirectional controls, which
 * would drive the terminal or reverse what follows, are visible escapes
 * ("\x1b", "\u202e"), and a backslash is doubled (evg_i_text_escape()).
 */
static int put_flat(evg_i_buf *b, const char *s)
{
    return s ? evg_i_text_escape(b, s, strlen(s), EVG_I_ESC_FLAT) : 0;
}

static int put_value(evg_i_buf *b, const json_t *v)
{
    size_t i;
    const json_t *x;

    switch (json_typeof(v)) {
    case JSON_STRING:
        return put_flat(b, json_string_value(v));
    case JSON_INTEGER:
        return evg_i_buf_printf(b, "%lld", (long long)json_integer_value(v));
    case JSON_REAL:
        return evg_i_buf_printf(b, "%.9g", json_real_value(v));
    case JSON_TRUE:
        return evg_i_buf_puts(b, "true");
    case JSON_FALSE:
        return evg_i_buf_puts(b, "false");
    case JSON_OBJECT:
        return put_value(b, json_object_get(v, "name"));
    case JSON_ARRAY:
        json_array_foreach(v, i, x)
        {
            if ((i && evg_i_buf_puts(b, "; ") < 0) || put_value(b, x) < 0)
                return EVG_ENOMEM;
        }
        return 0;
    default:
        return 0; /* null, or absent */
    }
}

/* The text of column `c` of row `o` into `b` (cleared first). */
static int cell(evg_i_buf *b, const json_t *o, const column *c)
{
    const json_t *v = at(o, c->key), *x;
    size_t i, n = 0;

    if (reset(b) < 0)
        return EVG_ENOMEM;
    if (c->kind == C_COUNT)
        return evg_i_buf_printf(b, "%zu", json_array_size(v));
    if (c->kind == C_TEXT)
        return v ? put_value(b, v) : 0;
    /* Missing values show as "-" while others are there, to keep lists aligned. */
    json_array_foreach(v, i, x)
    {
        const json_t *s = json_object_get(x, c->sub);
        n += s != NULL && !json_is_null(s);
    }
    json_array_foreach(v, i, x)
    {
        const json_t *s = json_object_get(x, c->sub);
        if (n == 0)
            break;
        if ((i && evg_i_buf_puts(b, "; ") < 0) ||
            (s == NULL || json_is_null(s) ? evg_i_buf_putc(b, '-') : put_value(b, s)) < 0)
            return EVG_ENOMEM;
    }
    return 0;
}

static int numeric(const json_t *o, const column *c)
{
    const json_t *v = at(o, c->key);
    return c->kind == C_COUNT || json_is_number(v);
}

/* Terminal columns taken by UTF-8 text (wide characters two, marks none). */
static size_t width(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_int32_t c;
    size_t w = 0;

    while (*p) {
        utf8proc_ssize_t k = utf8proc_iterate(p, -1, &c);
        if (k <= 0) {
            k = 1;
            c = 0xFFFD;
        }
        w += (size_t)utf8proc_charwidth(c);
        p += k;
    }
    return w;
}

/* ---- tables ----------------------------------------------------------------- */

static int spaces(evg_i_buf *b, size_t n)
{
    while (n--)
        if (evg_i_buf_putc(b, ' ') < 0)
            return EVG_ENOMEM;
    return 0;
}

/*
 * One line of cells, left-aligned or right-aligned to `w`, two spaces
 * apart, without trailing blanks (empty cells at the end leave none).
 */
static int put_line(FILE *f, char *const *cells, const size_t *w, const int *right,
                    size_t n, const char *indent)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    int rc = evg_i_buf_puts(&b, indent);

    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t pad = w[i] - width(cells[i]);
        if ((i && evg_i_buf_puts(&b, "  ") < 0) || (right[i] && spaces(&b, pad) < 0) ||
            evg_i_buf_puts(&b, cells[i]) < 0 || (!right[i] && spaces(&b, pad) < 0))
            rc = EVG_ENOMEM;
    }
    while (rc == 0 && b.len && b.ptr[b.len - 1] == ' ')
        b.len--;
    if (rc == 0)
        fprintf(f, "%.*s\n", (int)b.len, b.ptr ? b.ptr : "");
    evg_i_buf_free(&b);
    return rc;
}

typedef struct {
    const column *c[16];
    size_t n;
} colset;

static void pick(colset *out, const column *cols, unsigned where)
{
    out->n = 0;
    for (; cols->head && out->n < 16; cols++)
        if (cols->where & where)
            out->c[out->n++] = cols;
}

/* Every cell's text: texts[r * n + i], row 0 the headings (not measured when `bare`). */
static int fill(char **texts, size_t *w, int *right, const json_t *rows, const colset *cs,
                unsigned bare)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    size_t nrows = json_array_size(rows);
    int rc = 0;

    for (size_t i = 0; i < cs->n; i++) {
        texts[i] = evg_i_strdup(cs->c[i]->head);
        right[i] = nrows > 0;
    }
    for (size_t r = 0; r < nrows && rc == 0; r++)
        for (size_t i = 0; i < cs->n && rc == 0; i++) {
            const json_t *o = json_array_get(rows, r);
            right[i] &= numeric(o, cs->c[i]);
            if ((rc = cell(&b, o, cs->c[i])) == 0 &&
                (texts[(r + 1) * cs->n + i] = evg_i_strdup(b.ptr)) == NULL)
                rc = EVG_ENOMEM;
        }
    for (size_t k = 0; k < (nrows + 1) * cs->n && rc == 0; k++)
        if (texts[k] == NULL)
            rc = EVG_ENOMEM;
        else if ((k >= cs->n || !bare) && width(texts[k]) > w[k % cs->n])
            w[k % cs->n] = width(texts[k]);
    evg_i_buf_free(&b);
    return rc;
}

static int table_list(FILE *f, const json_t *rows, const section *s)
{
    colset cs;
    size_t nrows = json_array_size(rows), w[16] = {0};
    int right[16] = {0}, rc;
    char **texts;

    pick(&cs, s->cols, TBL);
    if ((texts = calloc((nrows + 1) * cs.n + 1, sizeof(*texts))) == NULL)
        return EVG_ENOMEM;
    if ((rc = fill(texts, w, right, rows, &cs, s->bare)) == 0)
        for (size_t r = s->bare ? 1 : 0; r <= nrows && rc == 0; r++)
            rc = put_line(f, texts + r * cs.n, w, right, cs.n, s->bare ? "  " : "");
    for (size_t k = 0; k < (nrows + 1) * cs.n; k++)
        free(texts[k]);
    free(texts);
    return rc;
}

/* key: value lines, the keys aligned. */
static int table_record(FILE *f, const json_t *o)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    const char *key;
    const json_t *v;
    size_t w = 0;
    int rc = 0;

    json_object_foreach((json_t *)o, key, v)
    {
        if (strlen(key) > w)
            w = strlen(key);
    }
    json_object_foreach((json_t *)o, key, v)
    {
        if ((rc = reset(&b)) < 0 || (rc = put_value(&b, v)) < 0)
            break;
        fprintf(f, "%s:%*s%s\n", key, b.len ? (int)(w - strlen(key) + 1) : 0, "", b.ptr);
    }
    evg_i_buf_free(&b);
    return rc;
}

static int write_table(FILE *f, const json_t *doc, const layout *l)
{
    evg_i_buf title = EVG_I_BUF_INIT;
    size_t nsec = 0;
    int rc = 0;

    while (l->sections && l->sections[nsec].key)
        nsec++;
    if (l->title) {
        l->title(&title, doc);
        if (title.ptr)
            fprintf(f, "%s\n", title.ptr);
    }
    if (l->subject && json_is_null(json_object_get(doc, l->subject)))
        nsec = 0; /* "No person matches": nothing else to say */
    for (size_t i = 0; i < nsec && rc == 0; i++) {
        const section *s = &l->sections[i];
        const json_t *v = json_object_get(doc, s->key);
        if (v == NULL || json_is_null(v))
            continue;
        if (nsec > 1 && s->heading)
            fprintf(f, "\n%s%s\n", s->heading,
                    json_array_size(v) || !s->cols ? "" : ": none");
        if (s->cols && json_array_size(v))
            rc = table_list(f, v, s);
        else if (!s->cols)
            rc = table_record(f, v);
    }
    evg_i_buf_free(&title);
    return rc;
}

/* ---- TSV -------------------------------------------------------------------- */

static void put_tsv_head(FILE *f, const colset *cs)
{
    for (size_t i = 0; i < cs->n; i++) {
        if (i)
            putc('\t', f);
        for (const char *h = cs->c[i]->head; *h; h++)
            putc(*h >= 'A' && *h <= 'Z' ? *h - 'A' + 'a' : *h, f);
    }
    putc('\n', f);
}

static int tsv_list(FILE *f, const json_t *rows, const section *s)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    colset cs;
    int rc = 0;

    pick(&cs, s->cols, TSV);
    put_tsv_head(f, &cs);
    for (size_t r = 0; r < json_array_size(rows) && rc == 0; r++) {
        for (size_t i = 0; i < cs.n && rc == 0; i++)
            if ((rc = cell(&b, json_array_get(rows, r), cs.c[i])) == 0)
                fprintf(f, "%s%s", i ? "\t" : "", b.ptr);
        putc('\n', f);
    }
    evg_i_buf_free(&b);
    return rc;
}

static int tsv_record(FILE *f, const json_t *o)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    const char *key;
    const json_t *v;
    int rc = 0;

    json_object_foreach((json_t *)o, key, v)
    {
        if ((rc = reset(&b)) < 0 || (rc = put_value(&b, v)) < 0)
            break;
        fprintf(f, "%s\t%s\n", key, b.ptr);
    }
    evg_i_buf_free(&b);
    return rc;
}

static int write_tsv(FILE *f, const json_t *doc, const layout *l)
{
    int rc = 0, any = 0;

    for (const section *s = l->sections; s && s->key && rc == 0; s++) {
        const json_t *v = json_object_get(doc, s->key);
        if (v == NULL || json_is_null(v))
            continue;
        if (any++)
            putc('\n', f);
        rc = s->cols ? tsv_list(f, v, s) : tsv_record(f, v);
    }
    return rc;
}

/* ---- the layout of each command ------------------------------------------------ */

static const column MEETING_COLS[] = {
    {"DATE", "date", NULL, C_TEXT, BOTH},
    {"TYPE", "type", NULL, C_TEXT, BOTH},
    {"STATUS", "status", NULL, C_TEXT, BOTH},
    {"PLACE", "place", NULL, C_TEXT, BOTH},
    {"PARTICIPANTS", "participants", "name", C_PLUCK, BOTH},
    {"COUNTRIES", "countries", NULL, C_TEXT, TSV},
    {"AGREEMENTS", "agreements", "name", C_PLUCK, TSV},
    {"SOURCES", "sources", NULL, C_TEXT, BOTH},
    {"ID", "id", NULL, C_TEXT, TSV},
    {0},
};

static const column MET_COLS[] = {
    {"NAME", "name", NULL, C_TEXT, BOTH},
    {"COUNTRY", "country", NULL, C_TEXT, BOTH},
    {"MEETINGS", "meetings", NULL, C_TEXT, BOTH},
    {"FIRST", "first", NULL, C_TEXT, BOTH},
    {"LAST", "last", NULL, C_TEXT, BOTH},
    {"PLACES", "places", NULL, C_TEXT, BOTH},
    {"SOURCES", "sources", NULL, C_TEXT, BOTH},
    {"ID", "id", NULL, C_TEXT, TSV},
    {0},
};

static const column STEP_COLS[] = {
    {"STEP", "step", NULL, C_TEXT, BOTH},
    {"FROM", "from.name", NULL, C_TEXT, BOTH},
    {"TO", "to.name", NULL, C_TEXT, BOTH},
    {"MEETINGS", "meetings", NULL, C_COUNT, BOTH},
    {"DATES", "meetings", "date", C_PLUCK, BOTH},
    {"PLACES", "meetings", "place", C_PLUCK, BOTH},
    {"FROM_ID", "from.id", NULL, C_TEXT, TSV},
    {"TO_ID", "to.id", NULL, C_TEXT, TSV},
    {"MEETING_IDS", "meetings", "id", C_PLUCK, TSV},
    {0},
};

static const column TOP_COLS[] = {
    {"RANK", "rank", NULL, C_TEXT, BOTH},
    {"NAME", "name", NULL, C_TEXT, BOTH},
    {"COUNTRY", "country", NULL, C_TEXT, BOTH},
    {"SCORE", "score", NULL, C_TEXT, BOTH},
    {"ID", "id", NULL, C_TEXT, TSV},
    {0},
};

static const column AGREEMENT_COLS[] = {
    {"NAME", "name", NULL, C_TEXT, BOTH},
    {"KIND", "kind", NULL, C_TEXT, BOTH},
    {"SIGNED", "signed", NULL, C_TEXT, BOTH},
    {"REFERENCED", "referenced", NULL, C_TEXT, BOTH},
    {"PARTIES", "parties", NULL, C_TEXT, BOTH},
    {"SIGNATORIES", "signatories", "name", C_PLUCK, BOTH},
    {"FIRST", "first", NULL, C_TEXT, BOTH},
    {"LAST", "last", NULL, C_TEXT, BOTH},
    {"ID", "id", NULL, C_TEXT, TSV},
    {0},
};

static const column TITLE_COLS[] = {
    {"TITLE", "title", NULL, C_TEXT, BOTH},
    {"FIRST", "first", NULL, C_TEXT, BOTH},
    {"LAST", "last", NULL, C_TEXT, BOTH},
    {0},
};

static const column PERSON_MEETING_COLS[] = {
    {"DATE", "date", NULL, C_TEXT, BOTH},
    {"TYPE", "type", NULL, C_TEXT, BOTH},
    {"STATUS", "status", NULL, C_TEXT, BOTH},
    {"ROLE", "role", NULL, C_TEXT, BOTH},
    {"TITLE", "title", NULL, C_TEXT, BOTH},
    {"PLACE", "place", NULL, C_TEXT, BOTH},
    {"PARTICIPANTS", "participants", "name", C_PLUCK, BOTH},
    {"SOURCES", "sources", NULL, C_TEXT, BOTH},
    {"ID", "id", NULL, C_TEXT, TSV},
    {0},
};

static const column DEAL_COLS[] = {
    {"NAME", "name", NULL, C_TEXT, BOTH},
    {"KIND", "kind", NULL, C_TEXT, BOTH},
    {"RELATION", "relation", NULL, C_TEXT, BOTH},
    {"FIRST", "first", NULL, C_TEXT, BOTH},
    {"ID", "id", NULL, C_TEXT, TSV},
    {0},
};

static const column CANDIDATE_COLS[] = {
    {"NAME", "name", NULL, C_TEXT, BOTH},
    {"COUNTRY", "country", NULL, C_TEXT, BOTH},
    {"TYPE", "type", NULL, C_TEXT, TSV},
    {"ID", "id", NULL, C_TEXT, BOTH},
    {0},
};

/* "Name (CC)", or "Name" without a country. */
static void name_of(evg_i_buf *b, const json_t *o)
{
    const char *cc = json_string_value(json_object_get(o, "country"));

    put_flat(b, json_string_value(json_object_get(o, "name")));
    if (cc) {
        evg_i_buf_puts(b, " (");
        put_flat(b, cc);
        evg_i_buf_puts(b, ")");
    }
}

/* `before`, the text that was asked for (escaped as a cell), then `after`. */
static void quote_asked(evg_i_buf *b, const char *before, const char *what,
                        const char *after)
{
    evg_i_buf_puts(b, before);
    put_flat(b, what);
    evg_i_buf_puts(b, after);
}

static const char *asked(const json_t *doc, const char *key)
{
    const char *s = json_string_value(at(doc, key));
    return s ? s : "";
}

static size_t count_of(const json_t *doc, const char *key)
{
    return json_array_size(json_object_get(doc, key));
}

/* Out of memory in a title leaves it short; the caller checks nothing else. */
static void title_who_met(evg_i_buf *b, const json_t *doc)
{
    size_t n = count_of(doc, "met");
    const json_t *p = json_object_get(doc, "person");

    if (json_is_null(p)) {
        quote_asked(b, "No person matches '", asked(doc, "query.person"), "'.");
        return;
    }
    name_of(b, p);
    if (n == 0)
        evg_i_buf_puts(b, " met nobody.");
    else
        evg_i_buf_printf(b, " met %zu %s:", n, n == 1 ? "person" : "people");
}

static void title_meetings(evg_i_buf *b, const json_t *doc)
{
    size_t n = count_of(doc, "meetings");

    if (n == 0)
        evg_i_buf_puts(b, "No meetings.");
    else
        evg_i_buf_printf(b, "%zu meeting%s:", n, n == 1 ? "" : "s");
}

static void title_between(evg_i_buf *b, const json_t *doc)
{
    size_t n = count_of(doc, "meetings");
    const json_t *x = json_object_get(doc, "a"), *y = json_object_get(doc, "b");

    if (json_is_null(x) || json_is_null(y)) {
        quote_asked(b, "No person or country matches '",
                    asked(doc, json_is_null(x) ? "query.a" : "query.b"), "'.");
        return;
    }
    name_of(b, x);
    evg_i_buf_puts(b, " and ");
    name_of(b, y);
    if (n == 0)
        evg_i_buf_puts(b, ": no meetings.");
    else
        evg_i_buf_printf(b, ": %zu meeting%s:", n, n == 1 ? "" : "s");
}

static void title_path(evg_i_buf *b, const json_t *doc)
{
    const json_t *x = json_object_get(doc, "from"), *y = json_object_get(doc, "to");
    const json_t *people = json_object_get(doc, "people");
    size_t n = json_array_size(people);

    if (json_is_null(x) || json_is_null(y)) {
        quote_asked(b, "No person matches '",
                    asked(doc, json_is_null(x) ? "query.a" : "query.b"), "'.");
        return;
    }
    name_of(b, x);
    evg_i_buf_puts(b, n ? " to " : " and ");
    name_of(b, y);
    if (n == 0) {
        evg_i_buf_puts(b, ": no chain of meetings links them.");
        return;
    }
    evg_i_buf_printf(b, ": %zu step%s", n - 1, n == 2 ? "" : "s");
    for (size_t i = 1; i + 1 < n; i++)
        quote_asked(b, i == 1 ? ", through " : ", ",
                    json_string_value(json_object_get(json_array_get(people, i), "name")),
                    "");
    evg_i_buf_puts(b, n > 1 ? ":" : ".");
}

static void title_ego(evg_i_buf *b, const json_t *doc)
{
    const json_t *p = json_object_get(doc, "person");

    if (json_is_null(p)) {
        quote_asked(b, "No person matches '", asked(doc, "query.person"), "'.");
        return;
    }
    evg_i_buf_puts(b, "The people within ");
    evg_i_buf_printf(b, "%lld meeting%s of ",
                     (long long)json_integer_value(json_object_get(doc, "depth")),
                     json_integer_value(json_object_get(doc, "depth")) == 1 ? "" : "s");
    name_of(b, p);
    evg_i_buf_printf(b, ": %lld people, %lld links.",
                     (long long)json_integer_value(json_object_get(doc, "nodes")),
                     (long long)json_integer_value(json_object_get(doc, "edges")));
}

static void title_top(evg_i_buf *b, const json_t *doc)
{
    const char *t = json_string_value(json_object_get(doc, "type"));
    const char *what = strcmp(t, "person") == 0    ? "people"
                       : strcmp(t, "country") == 0 ? "countries"
                                                   : "organizations";
    const json_t *cutoff = json_object_get(doc, "betweenness_cutoff");
    size_t n = count_of(doc, "top");

    if (n == 0) {
        evg_i_buf_printf(b, "No %s to rank.", what);
        return;
    }
    evg_i_buf_printf(b, "Top %zu %s by %s (%s graph", n, what,
                     json_string_value(json_object_get(doc, "measure")),
                     json_string_value(json_object_get(doc, "graph")));
    if (json_is_number(cutoff))
        evg_i_buf_printf(b, "; approximate: paths up to %.9g long",
                         json_number_value(cutoff));
    evg_i_buf_puts(b, "):");
}

static void title_agreements(evg_i_buf *b, const json_t *doc)
{
    size_t n = count_of(doc, "agreements");

    if (n == 0)
        evg_i_buf_puts(b, "No agreements.");
    else
        evg_i_buf_printf(b, "%zu agreement%s:", n, n == 1 ? "" : "s");
}

static void title_person(evg_i_buf *b, const json_t *doc)
{
    const json_t *p = json_object_get(doc, "person");

    if (json_is_null(p))
        quote_asked(b, "No person matches '", asked(doc, "query.person"), "'.");
    else
        name_of(b, p);
}

static void title_ambiguous(evg_i_buf *b, const json_t *doc)
{
    quote_asked(b, "'", asked(doc, "name"), "' is ambiguous; it may be:");
}

static const section S_MET[] = {{"met", NULL, MET_COLS, 0}, {0}};
static const section S_MEETINGS[] = {{"meetings", NULL, MEETING_COLS, 0}, {0}};
static const section S_STEPS[] = {{"steps", NULL, STEP_COLS, 0}, {0}};
static const section S_TOP[] = {{"top", NULL, TOP_COLS, 0}, {0}};
static const section S_AGREEMENTS[] = {{"agreements", NULL, AGREEMENT_COLS, 0}, {0}};
static const section S_PERSON[] = {
    {"person", "Profile", NULL, 0},
    {"titles", "Titles", TITLE_COLS, 0},
    {"meetings", "Meetings", PERSON_MEETING_COLS, 0},
    {"agreements", "Agreements", DEAL_COLS, 0},
    {0},
};
static const section S_STATS[] = {{"stats", NULL, NULL, 0}, {0}};
static const section S_CANDIDATES[] = {{"candidates", NULL, CANDIDATE_COLS, 1}, {0}};

/* Each command's layout, named in its row of the command table (run.c). */
const layout EVG_I_QL_WHO_MET = {title_who_met, S_MET, NULL};
const layout EVG_I_QL_MEETINGS = {title_meetings, S_MEETINGS, NULL};
const layout EVG_I_QL_BETWEEN = {title_between, S_MEETINGS, NULL};
const layout EVG_I_QL_PATH = {title_path, S_STEPS, NULL};
const layout EVG_I_QL_EGO = {title_ego, NULL, NULL};
const layout EVG_I_QL_TOP = {title_top, S_TOP, NULL};
const layout EVG_I_QL_AGREEMENTS = {title_agreements, S_AGREEMENTS, NULL};
const layout EVG_I_QL_PERSON = {title_person, S_PERSON, "person"};
const layout EVG_I_QL_STATS = {NULL, S_STATS, NULL};

static const layout AMBIGUOUS = {title_ambiguous, S_CANDIDATES, NULL};

/*
 * The document as JSON. jansson escapes the C0 controls in strings; the other
 * characters a terminal must not receive (DEL, C1, bidirectional controls,
 * line and paragraph separators: evg_i_unsafe_char()) it writes as they are,
 * so they are written as \u escapes here: the same JSON value, safe to print.
 * They can only stand inside strings, where an escape means the character.
 */
static int write_json(FILE *f, const json_t *doc)
{
    char *s = json_dumps(doc, JSON_INDENT(2) | JSON_REAL_PRECISION(9));
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0, i = 0, n;

    if (s == NULL)
        return EVG_ENOMEM;
    n = strlen(s);
    while (i < n) {
        utf8proc_int32_t c = p[i];
        utf8proc_ssize_t k = 1;
        if (c >= 0x80 &&
            (k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c)) <= 0)
            k = 1; /* not reached: jansson writes UTF-8 */
        else if (c >= 0x7F && evg_i_unsafe_char(c)) {
            fwrite(s + run, 1, i - run, f);
            fprintf(f, "\\u%04X", (unsigned)c); /* as jansson writes \u001B */
            run = i + (size_t)k;
        }
        i += (size_t)k;
    }
    fwrite(s + run, 1, n - run, f);
    putc('\n', f);
    free(s);
    return 0;
}

int evg_i_q_write(FILE *f, const evg_query_result *r, evg_query_format fmt,
                  evg_error *err)
{
    const layout *l = r->outcome == EVG_QUERY_AMBIGUOUS
                          ? &AMBIGUOUS
                          : evg_i_q_command(r->command)->layout;
    locale_t c_numeric, previous;
    int rc;

    if (fmt != EVG_QUERY_TABLE && fmt != EVG_QUERY_JSON && fmt != EVG_QUERY_TSV)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown output format %d",
                               (int)fmt);
    /* '.' in numbers whatever the program's locale: this thread only, as export does. */
    if ((c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0)) == (locale_t)0)
        return evg_i_error_nomem(err);
    previous = uselocale(c_numeric);
    rc = fmt == EVG_QUERY_JSON  ? write_json(f, r->doc)
         : fmt == EVG_QUERY_TSV ? write_tsv(f, r->doc, l)
                                : write_table(f, r->doc, l);
    uselocale(previous);
    freelocale(c_numeric);
    if (rc == EVG_ENOMEM)
        return evg_i_error_nomem(err);
    if (rc < 0 || fflush(f) != 0 || ferror(f))
        return evg_i_error_set(err, EVG_EIO, NULL, 0, 0, "writing the answer failed");
    return 0;
}
