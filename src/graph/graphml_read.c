/*
 * The GraphML evgraph wrote, read back into a graph: igraph's parser (libxml2)
 * with igraph's C attribute handler, then every column copied into our own
 * attribute arrays (STYLE 4.3.6) and the igraph graph made again without
 * attributes. The writer's rules make this exact: every node has its id,
 * label and type; a value is written only where its column applies (igraph
 * reads a missing string as "" and a missing number as NaN, which we take for
 * "none"); edges carry their relation, from which the direction that
 * GraphML's undirected edges do not keep is restored.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/scores.h"
#include "graph/graph_impl.h"
#include "graph/dates.h"
#include "graph/views.h"

typedef struct {
    const char *name;
    size_t off;
} field;

#define VS(f)                                                                            \
    {                                                                                    \
#f, offsetof(evg_i_vattr, f)                                                     \
    }
static const field VSTR[] = {
    VS(label),      VS(titles), VS(title),      VS(titles_seen), VS(country),
    VS(city),       VS(org),    VS(aliases),    VS(kind),        VS(signatories),
    VS(event_type), VS(status), VS(date),       VS(place),       VS(place_country),
    VS(countries),  VS(cameo),  VS(cameo_name), VS(plover_type), VS(plover_mode),
    VS(doc),        VS(docs),   VS(evidence),   VS(first_seen),  VS(last_seen),
    VS(outlets),    VS(urls),
};
static const field VNUM[] = {
    VS(sources), VS(meetings),     VS(events),           VS(reports),
    VS(people),  VS(signed_count), VS(referenced_count),
};
#undef VS
#define ES(f)                                                                            \
    {                                                                                    \
#f, offsetof(evg_i_eattr, f)                                                     \
    }
static const field ESTR[] = {ES(cameo), ES(title), ES(first_date), ES(last_date)};
#undef ES

typedef struct {
    igraph_t ig;
    const char *name; /* the file, for messages */
    evg_error *err;
    evg_graph *g;
    evg_scores *scores; /* the metric columns, when every node has them */
    size_t *final;      /* the sorted index of each igraph vertex */
    evg_i_vattr *v;     /* in igraph's order, before sorting */
    igraph_strvector_t names[3];
    igraph_vector_int_t types[3];
    int have_lists;
} reader;

enum { GRAPH_ATTR, VERTEX_ATTR, EDGE_ATTR };

static int bad(reader *r, const char *fmt, const char *a, const char *b)
{
    evg_i_error_set(r->err, EVG_EPARSE, r->name, 0, 0, fmt, a, b);
    return EVG_EPARSE;
}

/* The igraph type of attribute `name` of the kind `which`, or -1 when absent. */
static int attr_type(const reader *r, int which, const char *name)
{
    for (igraph_integer_t i = 0; i < igraph_strvector_size(&r->names[which]); i++)
        if (strcmp(igraph_strvector_get(&r->names[which], i), name) == 0)
            return (int)VECTOR(r->types[which])[i];
    return -1;
}

/* `sv` filled with the string attribute `name` of every vertex or edge; 0 when absent. */
static int strings(int *found, igraph_strvector_t *sv, reader *r, int which,
                   const char *name)
{
    evg_error *err = r->err;
    int t = attr_type(r, which, name), rc = 0;

    *found = 0;
    if (t < 0)
        return 0;
    if (t != IGRAPH_ATTRIBUTE_STRING)
        return bad(r, "the %s attribute '%s' is not a string",
                   which == VERTEX_ATTR ? "node" : "edge", name);
    if (which == VERTEX_ATTR)
        EVG_IGRAPH(igraph_cattribute_VASV(&r->ig, name, igraph_vss_all(), sv));
    else
        EVG_IGRAPH(igraph_cattribute_EASV(&r->ig, name,
                                          igraph_ess_all(IGRAPH_EDGEORDER_ID), sv));
    *found = 1;
cleanup:
    return rc;
}

static int numbers(int *found, igraph_vector_t *nv, reader *r, int which,
                   const char *name)
{
    evg_error *err = r->err;
    int t = attr_type(r, which, name), rc = 0;

    *found = 0;
    if (t < 0)
        return 0;
    if (t != IGRAPH_ATTRIBUTE_NUMERIC)
        return bad(r, "the %s attribute '%s' is not a number",
                   which == VERTEX_ATTR ? "node" : "edge", name);
    if (which == VERTEX_ATTR)
        EVG_IGRAPH(igraph_cattribute_VANV(&r->ig, name, igraph_vss_all(), nv));
    else
        EVG_IGRAPH(igraph_cattribute_EANV(&r->ig, name,
                                          igraph_ess_all(IGRAPH_EDGEORDER_ID), nv));
    *found = 1;
cleanup:
    return rc;
}

/* A copy of a non-empty value in the graph's arena; "" (igraph's "absent") is NULL. */
static int keep(const char **out, reader *r, const char *s)
{
    *out = NULL;
    if (s == NULL || s[0] == '\0')
        return 0;
    if ((*out = evg_i_arena_strdup(&r->g->arena, s)) == NULL)
        return evg_i_error_nomem(r->err);
    return 0;
}

static int node_type(evg_node_type *out, const char *s)
{
    for (int t = 0; t < EVG_NODE__COUNT; t++)
        if (strcmp(evg_node_type_name((evg_node_type)t), s) == 0) {
            *out = (evg_node_type)t;
            return 0;
        }
    return -1;
}

/* Ids, types and the string columns of every vertex, in igraph's order. */
static int vertex_strings(reader *r, size_t nv)
{
    igraph_strvector_t sv;
    int have_sv = 0, found, rc = 0;
    evg_error *err = r->err;

    EVG_IGRAPH(igraph_strvector_init(&sv, 0));
    have_sv = 1;
    EVG_CHECK(strings(&found, &sv, r, VERTEX_ATTR, "type"));
    for (size_t v = 0; v < nv; v++) {
        const char *t = found ? igraph_strvector_get(&sv, (igraph_integer_t)v) : "";
        if (node_type(&r->v[v].type, t) < 0) {
            rc = evg_i_error_set(err, EVG_EPARSE, r->name, 0, 0,
                                 "node %zu: %s type '%.40s' (not a graph evgraph wrote?)",
                                 v + 1, t[0] ? "unknown" : "no", t);
            goto cleanup;
        }
    }
    EVG_CHECK(strings(&found, &sv, r, VERTEX_ATTR, "id"));
    for (size_t v = 0; v < nv; v++)
        EVG_CHECK(keep(&r->v[v].id, r, igraph_strvector_get(&sv, (igraph_integer_t)v)));
    for (size_t i = 0; i < sizeof VSTR / sizeof VSTR[0]; i++) {
        EVG_CHECK(strings(&found, &sv, r, VERTEX_ATTR, VSTR[i].name));
        for (size_t v = 0; found && v < nv; v++)
            EVG_CHECK(keep((const char **)(void *)((char *)&r->v[v] + VSTR[i].off), r,
                           igraph_strvector_get(&sv, (igraph_integer_t)v)));
    }
    for (size_t v = 0; v < nv; v++)
        if (r->v[v].id == NULL || r->v[v].label == NULL) {
            evg_i_error_set(err, EVG_EPARSE, r->name, 0, 0,
                            "node %zu: no %s (not a graph evgraph wrote?)", v + 1,
                            r->v[v].id ? "label" : "id");
            rc = EVG_EPARSE;
            goto cleanup;
        }
cleanup:
    if (have_sv)
        igraph_strvector_destroy(&sv);
    return rc;
}

/* The counts and the community of every vertex. */
static int vertex_numbers(reader *r, size_t nv)
{
    igraph_vector_t x;
    int have_x = 0, found, rc = 0;
    evg_error *err = r->err;

    EVG_IGRAPH(igraph_vector_init(&x, 0));
    have_x = 1;
    for (size_t i = 0; i < sizeof VNUM / sizeof VNUM[0]; i++) {
        EVG_CHECK(numbers(&found, &x, r, VERTEX_ATTR, VNUM[i].name));
        for (size_t v = 0; found && v < nv; v++) {
            double d = VECTOR(x)[v];
            /* A number too big for the type is undefined to convert: a hostile file
             * ("1e300") gets the largest count instead. */
            *(size_t *)(void *)((char *)&r->v[v] + VNUM[i].off) =
                !(isfinite(d) && d > 0) ? 0
                : d < (double)SIZE_MAX  ? (size_t)d
                                        : SIZE_MAX;
        }
    }
    EVG_CHECK(numbers(&found, &x, r, VERTEX_ATTR, "community"));
    for (size_t v = 0; v < nv; v++) {
        double d = found ? VECTOR(x)[v] : NAN;
        r->v[v].community =
            isfinite(d) && d >= 0 && d < (double)LONG_MAX ? (long)d : EVG_I_NO_COMMUNITY;
    }
cleanup:
    if (have_x)
        igraph_vector_destroy(&x);
    return rc;
}

typedef struct {
    const char *id;
    size_t v; /* igraph's index */
} keyed;

static int by_id(const void *a, const void *b)
{
    return strcmp(((const keyed *)a)->id, ((const keyed *)b)->id);
}

/* The vertices sorted by id into g->v; `final[i]` the new index of igraph vertex i. */
static int sort_vertices(reader *r, size_t nv, size_t *final)
{
    keyed *order = nv ? calloc(nv, sizeof(*order)) : NULL;
    evg_graph *g = r->g;
    int rc = 0;

    if (nv && (order == NULL || (g->v = calloc(nv, sizeof(*g->v))) == NULL)) {
        free(order);
        return evg_i_error_nomem(r->err);
    }
    for (size_t i = 0; i < nv; i++) {
        order[i].id = r->v[i].id;
        order[i].v = i;
    }
    /* evgraph writes nodes in id order; a file in another order is put back in it. */
    if (nv)
        qsort(order, nv, sizeof(*order), by_id);
    for (size_t i = 0; i < nv && rc == 0; i++) {
        g->v[i] = r->v[order[i].v];
        final[order[i].v] = i;
        g->type_count[g->v[i].type]++;
        if (i > 0 && strcmp(g->v[i - 1].id, g->v[i].id) == 0)
            rc = bad(r, "two nodes have the id '%.80s'%s", g->v[i].id, "");
    }
    g->nv = nv;
    free(order);
    return rc;
}

static int relation(evg_i_relation *out, const char *s)
{
    for (int i = 0; i < EVG_I_REL__COUNT; i++)
        if (strcmp(evg_i_relation_name((evg_i_relation)i), s) == 0) {
            *out = (evg_i_relation)i;
            return 0;
        }
    return -1;
}

static int role(const char *s)
{
    static const evg_role roles[] = {EVG_ROLE_HOST, EVG_ROLE_GUEST, EVG_ROLE_PARTICIPANT};

    for (size_t i = 0; s && s[0] && i < sizeof roles / sizeof roles[0]; i++)
        if (strcmp(evg_role_name(roles[i]), s) == 0)
            return (int)roles[i];
    return -1;
}

/*
 * Put the actor first, as the builder does (person -> meeting, meeting ->
 * agreement): the relation says which node type stands at which end. "met"
 * joins equals: the smaller index first. Returns 0, or -1 for a relation
 * that cannot join these two types.
 */
static int orient(evg_i_eattr *e, const evg_graph *g)
{
    evg_node_type a = g->v[e->from].type, b = g->v[e->to].type, want;
    int at_to = 1;

    switch (e->rel) {
    case EVG_I_REL_PARTICIPATED_IN:
        want = EVG_NODE_MEETING;
        break;
    case EVG_I_REL_REPRESENTS:
        want = EVG_NODE_COUNTRY;
        break;
    case EVG_I_REL_MEMBER_OF:
        want = EVG_NODE_ORGANIZATION;
        break;
    case EVG_I_REL_SIGNATORY:
        want = EVG_NODE_AGREEMENT;
        break;
    case EVG_I_REL_MET:
        if (e->from > e->to) {
            size_t t = e->from;
            e->from = e->to;
            e->to = t;
        }
        return a == b ? 0 : -1;
    default: /* references, signed, held_at: from the meeting */
        want = EVG_NODE_MEETING;
        at_to = 0;
    }
    if ((at_to ? a : b) == want && (at_to ? b : a) != want) {
        size_t t = e->from;
        e->from = e->to;
        e->to = t;
    } else if ((at_to ? b : a) != want || (at_to ? a : b) == want) {
        return -1;
    }
    return 0;
}

/* One edge's relation, role, weight and ends (renumbered, oriented). */
static int take_edge(reader *r, size_t e, const size_t *final,
                     const igraph_strvector_t *rel, const igraph_strvector_t *roles,
                     const igraph_vector_t *w, int have_w)
{
    evg_i_eattr *a = &r->g->e[e];
    igraph_integer_t from, to;
    const char *rs = igraph_strvector_get(rel, (igraph_integer_t)e);
    double weight = have_w ? VECTOR(*w)[e] : 1.0;
    char num[32];

    snprintf(num, sizeof num, "%zu", e + 1);
    if (relation(&a->rel, rs) < 0)
        return bad(r, "edge %s: unknown relation '%.40s'", num, rs);
    igraph_edge(&r->ig, (igraph_integer_t)e, &from, &to);
    a->from = final[from];
    a->to = final[to];
    a->role = a->rel == EVG_I_REL_PARTICIPATED_IN && roles
                  ? role(igraph_strvector_get(roles, (igraph_integer_t)e))
                  : -1;
    a->weight = isfinite(weight) && weight > 0 ? weight : 1.0;
    if (orient(a, r->g) < 0)
        return bad(r, "edge %s: '%s' cannot join these two nodes", num, rs);
    return 0;
}

static int read_edges(reader *r, size_t ne, const size_t *final)
{
    igraph_strvector_t rel, roles, sv;
    igraph_vector_t w;
    int have = 0, found_rel, found_roles, found_w, found, rc = 0;
    evg_error *err = r->err;

    if (ne && (r->g->e = calloc(ne, sizeof(*r->g->e))) == NULL)
        return evg_i_error_nomem(err);
    EVG_IGRAPH(igraph_strvector_init(&rel, 0));
    have |= 1;
    EVG_IGRAPH(igraph_strvector_init(&roles, 0));
    have |= 2;
    EVG_IGRAPH(igraph_strvector_init(&sv, 0));
    have |= 4;
    EVG_IGRAPH(igraph_vector_init(&w, 0));
    have |= 8;
    EVG_CHECK(strings(&found_rel, &rel, r, EDGE_ATTR, "relation"));
    EVG_CHECK(strings(&found_roles, &roles, r, EDGE_ATTR, "role"));
    EVG_CHECK(numbers(&found_w, &w, r, EDGE_ATTR, "weight"));
    if (ne && !found_rel) {
        rc = bad(r, "edges have no '%s' (not a graph evgraph wrote?)%s", "relation", "");
        goto cleanup;
    }
    for (size_t e = 0; e < ne; e++)
        EVG_CHECK(take_edge(r, e, final, &rel, found_roles ? &roles : NULL, &w, found_w));
    for (size_t i = 0; i < sizeof ESTR / sizeof ESTR[0]; i++) {
        EVG_CHECK(strings(&found, &sv, r, EDGE_ATTR, ESTR[i].name));
        for (size_t e = 0; found && e < ne; e++)
            EVG_CHECK(keep((const char **)(void *)((char *)&r->g->e[e] + ESTR[i].off), r,
                           igraph_strvector_get(&sv, (igraph_integer_t)e)));
    }
    r->g->ne = ne;
    if (ne)
        qsort(r->g->e, ne, sizeof(*r->g->e), evg_i_edge_cmp);
cleanup:
    if (have & 1)
        igraph_strvector_destroy(&rel);
    if (have & 2)
        igraph_strvector_destroy(&roles);
    if (have & 4)
        igraph_strvector_destroy(&sv);
    if (have & 8)
        igraph_vector_destroy(&w);
    return rc;
}

static int read_view(reader *r)
{
    const char *view = attr_type(r, GRAPH_ATTR, "view") == IGRAPH_ATTRIBUTE_STRING
                           ? igraph_cattribute_GAS(&r->ig, "view")
                           : NULL;

    if (view && view[0] == '\0') /* a declared key without a value */
        view = NULL;
    if (view == NULL || evg_view_from_name(&r->g->view, view) < 0)
        return bad(r, "%s view%s (not a graph evgraph wrote?)", view ? "unknown" : "no",
                   view ? "" : " named");
    return 0;
}

/*
 * The scores written with the graph: export's metric columns, in the order
 * of evg_measure. A graph built with some measures only has the columns of
 * those; a column that some node lacks (or holds no finite number in) is
 * left out too. None at all: r->scores stays NULL.
 */
static int read_scores(reader *r, size_t nv)
{
    static const char *const COLS[EVG_M__COUNT] = {"deg", "strength", "btw",
                                                   "clo", "eig",      "pr"};
    igraph_vector_t x;
    int have_x = 0, found, rc = 0;
    evg_error *err = r->err;

    EVG_IGRAPH(igraph_vector_init(&x, 0));
    have_x = 1;
    for (int m = 0; m < EVG_M__COUNT; m++) {
        double *col;
        size_t v = 0;
        if (attr_type(r, VERTEX_ATTR, COLS[m]) != IGRAPH_ATTRIBUTE_NUMERIC)
            continue;
        EVG_CHECK(numbers(&found, &x, r, VERTEX_ATTR, COLS[m]));
        if (r->scores == NULL)
            EVG_CHECK(evg_i_scores_new(&r->scores, nv, err));
        if ((col = evg_i_scores_column(r->scores, (evg_measure)m)) == NULL) {
            rc = evg_i_error_nomem(err);
            goto cleanup;
        }
        for (; v < nv && isfinite(VECTOR(x)[v]); v++)
            col[r->final[v]] = VECTOR(x)[v];
        if (v == nv)
            r->scores->have |= EVG_MEASURE_BIT(m);
    }
    if (r->scores && r->scores->have == 0) { /* columns, but none usable */
        evg_scores_free(r->scores);
        r->scores = NULL;
    }
    /* Approximate betweenness and closeness: the cutoff they were computed with. */
    if (r->scores &&
        attr_type(r, GRAPH_ATTR, "betweenness_cutoff") == IGRAPH_ATTRIBUTE_NUMERIC) {
        double cutoff = igraph_cattribute_GAN(&r->ig, "betweenness_cutoff");
        r->scores->cutoff = isfinite(cutoff) && cutoff > 0 ? cutoff : 0.0;
    }
cleanup:
    if (have_x)
        igraph_vector_destroy(&x);
    return rc;
}

/* Everything igraph read, into r->g (igraph's graph still holds its attributes). */
static int take_graph(reader *r, int want_scores)
{
    size_t nv = (size_t)igraph_vcount(&r->ig), ne = (size_t)igraph_ecount(&r->ig);
    size_t *final = NULL;
    evg_error *err = r->err;
    int rc = 0;

    for (int i = 0; i < 3; i++) {
        EVG_IGRAPH(igraph_strvector_init(&r->names[i], 0));
        EVG_IGRAPH(igraph_vector_int_init(&r->types[i], 0));
        r->have_lists = i + 1;
    }
    EVG_IGRAPH(igraph_cattribute_list(
        &r->ig, &r->names[GRAPH_ATTR], &r->types[GRAPH_ATTR], &r->names[VERTEX_ATTR],
        &r->types[VERTEX_ATTR], &r->names[EDGE_ATTR], &r->types[EDGE_ATTR]));
    EVG_CHECK(read_view(r));
    /* the filter a graph was built with (evg_graph_filter()) */
    if (attr_type(r, GRAPH_ATTR, "filter") == IGRAPH_ATTRIBUTE_STRING)
        EVG_CHECK(keep(&r->g->filter, r, igraph_cattribute_GAS(&r->ig, "filter")));
    if ((nv && (r->v = calloc(nv, sizeof(*r->v))) == NULL) ||
        (final = calloc(nv + 1, sizeof(*final))) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    EVG_CHECK(vertex_strings(r, nv));
    EVG_CHECK(vertex_numbers(r, nv));
    EVG_CHECK(sort_vertices(r, nv, final));
    EVG_CHECK(read_edges(r, ne, final));
    r->final = final;
    if (want_scores)
        EVG_CHECK(read_scores(r, nv));
cleanup:
    r->final = NULL;
    free(final);
    return rc;
}

/*
 * The line number of an igraph message "Line 3: text" into *line_out, and
 * how many bytes "Line 3: " takes (blanks after the colon too); 0 when the
 * message does not start so.
 */
static int line_prefix(const char *s, int *line_out)
{
    char *end;
    long v;

    if (strncmp(s, "Line", 4) != 0)
        return 0;
    errno = 0;
    v = strtol(s + 4, &end, 10);
    if (end == s + 4 || *end != ':' || errno || v > INT_MAX || v < INT_MIN)
        return 0;
    for (end++; isspace((unsigned char)*end); end++)
        ;
    *line_out = (int)v;
    return (int)(end - s);
}

/*
 * igraph's message as ours: "Line 3: Opening and ending tag mismatch
 * (src/io/graphml.c:1691)" becomes line 3 of the file and the text, without
 * the place in igraph's sources.
 */
static int parse_failure(evg_error *err, const char *name)
{
    char why[sizeof err->text];
    const char *text = why, *at;
    int line = 0, used = 0;

    if (err == NULL)
        return EVG_EPARSE;
    snprintf(why, sizeof why, "%s",
             strncmp(err->text, "igraph: ", 8) == 0 ? err->text + 8 : err->text);
    if ((at = strrchr(why, '(')) != NULL && at > why && at[-1] == ' ' &&
        strstr(at, ".c:"))
        why[at - 1 - why] = '\0';
    if ((used = line_prefix(why, &line)) > 0)
        text = why + used;
    /* What igraph says of XML without a <graph> of the GraphML namespace (GEXF...). */
    if (strstr(why, "index was too large"))
        text = "it holds no GraphML graph";
    return evg_i_error_set(err, EVG_EPARSE, name, line > 0 ? line : 0, 0,
                           "not a GraphML file: %s", text);
}

int evg_i_graphml_read(evg_graph **out, evg_scores **scores_out, FILE *f,
                       const char *name, evg_error *err)
{
    igraph_attribute_table_t *previous;
    reader r;
    int have_ig = 0, rc = 0;
    igraph_error_t ig_rc;

    *out = NULL;
    if (scores_out)
        *scores_out = NULL;
    memset(&r, 0, sizeof r);
    r.name = name;
    r.err = err;
    evg_i_igraph_init();
    if ((r.g = calloc(1, sizeof(*r.g))) == NULL)
        return evg_i_error_nomem(err);
    /* The only place igraph keeps attributes: installed here, put back below. */
    previous = igraph_set_attribute_table(&igraph_cattribute_table);
    if ((ig_rc = igraph_read_graph_graphml(&r.ig, f, 0)) != IGRAPH_SUCCESS) {
        if ((rc = evg_i_from_igraph(ig_rc, err)) != EVG_ENOMEM)
            rc = parse_failure(err, name);
        goto cleanup;
    }
    have_ig = 1;
    EVG_CHECK(take_graph(&r, scores_out != NULL));
cleanup:
    for (int i = 0; i < r.have_lists; i++) {
        igraph_strvector_destroy(&r.names[i]);
        igraph_vector_int_destroy(&r.types[i]);
    }
    if (have_ig) /* with the handler that made its attributes */
        igraph_destroy(&r.ig);
    igraph_set_attribute_table(previous);
    free(r.v);
    if (rc == 0 && evg_i_graph_full_dates(r.g) < 0) /* the spells GraphML has not */
        rc = evg_i_error_nomem(err);
    if (rc == 0)
        rc = evg_i_graph_create_igraph(r.g, err); /* no attributes now */
    if (rc == 0) {
        *out = r.g;
        r.g = NULL;
        if (scores_out) {
            *scores_out = r.scores;
            r.scores = NULL;
        }
    }
    evg_scores_free(r.scores);
    evg_graph_free(r.g);
    return rc;
}
