/* The graph handle: building, accessors, and the igraph graph inside. */
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"
#include "graph/graph_impl.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_build_opts_init, evg_build_opts, EVG_BUILD_OPTS_VERSION,
                   EVG_BUILD_OPTS_INIT)

static const char *const NODE_TYPES[] = {"person",  "organization", "country",
                                         "meeting", "agreement",    "place"};
static const char *const RELATIONS[] = {
    "participated_in", "represents", "member_of", "references",
    "signed",          "held_at",    "met",       "signatory"};
static const char *const VIEWS[] = {"full", "people", "countries", "bipartite"};

const char *evg_view_name(evg_view v)
{
    return (size_t)v < sizeof VIEWS / sizeof VIEWS[0] ? VIEWS[v] : "unknown";
}

int evg_view_from_name(evg_view *out, const char *name)
{
    for (size_t i = 0; name && i < sizeof VIEWS / sizeof VIEWS[0]; i++)
        if (strcmp(name, VIEWS[i]) == 0) {
            *out = (evg_view)i;
            return 0;
        }
    return EVG_EINVAL;
}

const char *evg_node_type_name(evg_node_type t)
{
    return (size_t)t < EVG_NODE__COUNT ? NODE_TYPES[t] : "unknown";
}

const char *evg_i_relation_name(evg_i_relation r)
{
    return (size_t)r < EVG_I_REL__COUNT ? RELATIONS[r] : "unknown";
}

int evg_i_graph_create_igraph(evg_graph *g, evg_error *err)
{
    igraph_vector_int_t edges;
    int have_edges = 0, rc = 0;

    EVG_IGRAPH(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * g->ne)));
    have_edges = 1;
    for (size_t i = 0; i < g->ne; i++) {
        VECTOR(edges)[2 * i] = (igraph_integer_t)g->e[i].from;
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)g->e[i].to;
    }
    EVG_IGRAPH(igraph_create(&g->ig, &edges, (igraph_integer_t)g->nv, IGRAPH_UNDIRECTED));
    g->have_ig = 1;
    /* igraph adds vertices for ids past n; our attribute arrays would not match. */
    if ((size_t)igraph_vcount(&g->ig) != g->nv)
        rc = evg_i_error_set(err, EVG_EGRAPH, NULL, 0, 0,
                             "edge refers to a missing vertex");
cleanup:
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    return rc;
}

/* The options, whatever version the caller was built with, into the builder. */
static int read_opts(evg_view *view_out, evg_i_builder *b, const evg_build_opts *opts,
                     evg_error *err)
{
    *view_out = EVG_VIEW_FULL;
    b->max_people = EVG_MAX_MEETING_PEOPLE;
    if (opts == NULL)
        return 0;
    if (opts->version < 1 || opts->version > EVG_BUILD_OPTS_VERSION)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unsupported build options");
    if ((size_t)opts->view >= sizeof VIEWS / sizeof VIEWS[0])
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown view %d",
                               (int)opts->view);
    *view_out = opts->view;
    if (opts->version >= 2) /* version 1 structs end before `aliases` */
        b->aliases = opts->aliases;
    if (opts->version >= 3) { /* and version 2 before `max_meeting_people` */
        b->max_people = opts->max_meeting_people ? opts->max_meeting_people : SIZE_MAX;
        b->on_diag = opts->on_diag;
        b->diag_payload = opts->diag_payload;
        b->drop_mentions = opts->drop_mentions;
    }
    if (opts->version >= 4) /* and version 3 before `filter` */
        return evg_i_filter_prepare(b, &opts->filter);
    return 0;
}

int evg_graph_build(evg_graph **out, const evg_corpus *c, const evg_build_opts *opts,
                    evg_error *err)
{
    evg_i_builder b;
    evg_graph *g = NULL;
    evg_view view;
    int rc = 0;

    *out = NULL;
    /* A caller who skipped evg_global_init() gets an error code, not an abort. */
    evg_i_igraph_init();
    memset(&b, 0, sizeof b);
    b.err = err;
    if ((rc = read_opts(&view, &b, opts, err)) < 0) {
        evg_i_builder_free(&b);
        return rc;
    }
    if ((g = calloc(1, sizeof(*g))) == NULL)
        return evg_i_error_nomem(err);
    g->view = view;
    b.view = view;
    b.drop_mentions = b.drop_mentions && view == EVG_VIEW_FULL;
    b.err = err;
    b.arena = &g->arena;
    EVG_CHECK(evg_i_merge(&b, c));
    EVG_CHECK(evg_i_finalize(g, &b));
    *out = g;
    g = NULL;
cleanup:
    evg_i_builder_free(&b);
    evg_graph_free(g);
    return rc;
}

void evg_graph_free(evg_graph *g)
{
    if (g == NULL)
        return;
    if (g->have_ig)
        igraph_destroy(&g->ig);
    free(g->v);
    free(g->e);
    evg_i_arena_free(&g->arena);
    free(g);
}

const igraph_t *evg_i_graph_igraph(const evg_graph *g)
{
    return &g->ig;
}

const evg_i_vattr *evg_i_graph_vattr(const evg_graph *g, size_t v)
{
    return &g->v[v];
}

const evg_i_eattr *evg_i_graph_eattr(const evg_graph *g, size_t e)
{
    return &g->e[e];
}

evg_view evg_graph_view(const evg_graph *g)
{
    return g->view;
}

size_t evg_graph_vertex_count(const evg_graph *g)
{
    return g->nv;
}

size_t evg_graph_edge_count(const evg_graph *g)
{
    return g->ne;
}

void evg_graph_event_counts(evg_event_counts *out, const evg_graph *g)
{
    memset(out, 0, sizeof *out);
    for (size_t v = 0; g && v < g->nv; v++) {
        const evg_i_vattr *a = &g->v[v];
        if (a->type != EVG_NODE_MEETING)
            continue;
        out->events++;
        if (a->status &&
            strcmp(a->status, evg_event_status_name(EVG_STATUS_PLANNED)) == 0)
            out->planned++;
        else if (a->event_type &&
                 strcmp(a->event_type, evg_event_type_name(EVG_EV_CALL)) == 0)
            out->calls++;
        else if (a->event_type &&
                 strcmp(a->event_type, evg_event_type_name(EVG_EV_VISIT)) == 0)
            out->visits++;
        else if (a->event_type &&
                 strcmp(a->event_type, evg_event_type_name(EVG_EV_SIGNING)) == 0)
            out->signings++;
        else
            out->talks++;
    }
    out->meetings = out->talks + out->visits + out->signings;
}

size_t evg_graph_count_type(const evg_graph *g, evg_node_type t)
{
    return (size_t)t < EVG_NODE__COUNT ? g->type_count[t] : 0;
}

const char *evg_graph_vertex_id(const evg_graph *g, size_t v)
{
    return v < g->nv ? g->v[v].id : NULL;
}

const char *evg_graph_vertex_label(const evg_graph *g, size_t v)
{
    return v < g->nv ? g->v[v].label : NULL;
}

evg_node_type evg_graph_vertex_type(const evg_graph *g, size_t v)
{
    return v < g->nv ? g->v[v].type : EVG_NODE__COUNT;
}

int evg_graph_find_vertex(size_t *out, const evg_graph *g, const char *id)
{
    size_t lo = 0, hi = g->nv;

    /* Vertices are sorted by id: binary search. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(g->v[mid].id, id);
        if (c == 0) {
            *out = mid;
            return 0;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return EVG_ENOTFOUND;
}

const char *evg_graph_vertex_attr(const evg_graph *g, size_t v, const char *name)
{
    const evg_i_vattr *a;

    if (v >= g->nv || name == NULL)
        return NULL;
    a = &g->v[v];
    const struct {
        const char *name, *value;
    } attrs[] = {
        {"titles", a->titles},
        {"title", a->title},
        {"titles_seen", a->titles_seen},
        {"country", a->country},
        {"city", a->city},
        {"org", a->org},
        {"aliases", a->aliases},
        {"kind", a->kind},
        {"signatories", a->signatories},
        {"event_type", a->event_type},
        {"status", a->status},
        {"date", a->date},
        {"place", a->place},
        {"place_country", a->place_country},
        {"doc", a->doc},
        {"docs", a->docs},
        {"outlets", a->outlets},
        {"urls", a->urls},
        {"evidence", a->evidence},
        {"countries", a->countries},
        {"cameo", a->cameo},
        {"cameo_name", a->cameo_name},
        {"plover_type", a->plover_type},
        {"plover_mode", a->plover_mode},
        {"first_seen", a->first_seen},
        {"last_seen", a->last_seen},
    };
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++)
        if (strcmp(attrs[i].name, name) == 0)
            return attrs[i].value;
    return NULL;
}

int evg_graph_vertex_number(long *out, const evg_graph *g, size_t v, const char *name)
{
    const evg_i_vattr *a;
    evg_node_type t;

    if (v >= g->nv || name == NULL)
        return EVG_ENOTFOUND;
    a = &g->v[v];
    t = a->type;
    const struct {
        const char *name;
        size_t value;
        int applies;
    } nums[] = {
        {"sources", a->sources, 1},
        {"reports", a->reports, t == EVG_NODE_MEETING},
        {"meetings", a->meetings, t == EVG_NODE_PERSON || t == EVG_NODE_COUNTRY},
        {"events", a->events, t == EVG_NODE_PERSON || t == EVG_NODE_COUNTRY},
        {"people", a->people,
         t == EVG_NODE_MEETING || t == EVG_NODE_COUNTRY || t == EVG_NODE_ORGANIZATION},
        {"signed_count", a->signed_count, t == EVG_NODE_AGREEMENT},
        {"referenced_count", a->referenced_count, t == EVG_NODE_AGREEMENT},
    };
    if (strcmp(name, "community") == 0) {
        *out = a->community;
        return a->community == EVG_I_NO_COMMUNITY ? EVG_ENOTFOUND : 0;
    }
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
        if (strcmp(nums[i].name, name) == 0) {
            if (!nums[i].applies)
                return EVG_ENOTFOUND;
            *out = (long)nums[i].value;
            return 0;
        }
    return EVG_ENOTFOUND;
}

const char *evg_graph_filter(const evg_graph *g)
{
    return g ? g->filter : NULL;
}

void evg_graph_get_stats(evg_graph_stats *out, const evg_graph *g)
{
    *out = g->stats;
}

void evg_graph_edge_ends(size_t *from_out, size_t *to_out, const evg_graph *g, size_t e)
{
    *from_out = e < g->ne ? g->e[e].from : 0;
    *to_out = e < g->ne ? g->e[e].to : 0;
}

double evg_graph_edge_weight(const evg_graph *g, size_t e)
{
    return e < g->ne ? g->e[e].weight : 0.0;
}

const char *evg_graph_edge_relation(const evg_graph *g, size_t e)
{
    return e < g->ne ? evg_i_relation_name(g->e[e].rel) : NULL;
}

const char *evg_graph_edge_attr(const evg_graph *g, size_t e, const char *name)
{
    if (e >= g->ne || name == NULL)
        return NULL;
    if (strcmp(name, "role") == 0)
        return g->e[e].role >= 0 ? evg_role_name((evg_role)g->e[e].role) : NULL;
    if (strcmp(name, "cameo") == 0)
        return g->e[e].cameo;
    if (strcmp(name, "title") == 0)
        return g->e[e].title;
    if (strcmp(name, "first_date") == 0)
        return g->e[e].first_date;
    if (strcmp(name, "last_date") == 0)
        return g->e[e].last_date;
    return NULL;
}
