/*
 * Centrality with igraph on the undirected graph. Tie strength is the edge
 * weight (number of shared events); path-based measures (betweenness,
 * harmonic closeness) read an edge of weight w as a path of length 1/w, so
 * people who met often are close. Complexity is igraph's: betweenness
 * O(V E + V^2 log V) (Brandes 2001), closeness the same order, PageRank
 * (PRPACK) and eigenvector (ARPACK) iterative, about O(E) per iteration.
 */
/* RTLD_DEFAULT is a GNU extension, beyond the _POSIX_C_SOURCE every file gets. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_internal.h"
#include "graph/graph_impl.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_analysis_opts_init, evg_analysis_opts, EVG_ANALYSIS_OPTS_VERSION,
                   EVG_ANALYSIS_OPTS_INIT)

/*
 * igraph 0.10 perturbs the start vector of the eigenvector computation with
 * its random number generator; a fixed seed makes the scores repeatable.
 */
#define EVG_RNG_SEED 20241223

/*
 * igraph's PageRank solver (PRPACK) adds up partial sums in OpenMP threads
 * when igraph is built with OpenMP, as Debian's is, in whatever order the
 * threads finish: the last digits of the scores then vary from run to run,
 * and so would the files. One OpenMP thread makes them the same every time.
 * evgraph does not use OpenMP itself, so the runtime igraph loaded (if any)
 * is reached by name rather than linked. Sets the calling thread's number
 * of OpenMP threads to `n` and returns the previous one (0: no OpenMP).
 */
static int openmp_threads(int n)
{
    void (*set_threads)(int);
    int (*get_threads)(void);

    *(void **)&set_threads = dlsym(RTLD_DEFAULT, "omp_set_num_threads");
    *(void **)&get_threads = dlsym(RTLD_DEFAULT, "omp_get_max_threads");
    if (set_threads == NULL || get_threads == NULL || n <= 0)
        return 0;
    int previous = get_threads();
    set_threads(n);
    return previous;
}

static const char *const MEASURES[] = {"degree",    "strength",    "betweenness",
                                       "closeness", "eigenvector", "pagerank"};

const char *evg_measure_name(evg_measure m)
{
    return (size_t)m < EVG_M__COUNT ? MEASURES[m] : "unknown";
}

int evg_measure_from_name(evg_measure *out, const char *name)
{
    for (size_t m = 0; name && m < EVG_M__COUNT; m++)
        if (strcmp(name, MEASURES[m]) == 0) {
            *out = (evg_measure)m;
            return 0;
        }
    return EVG_EINVAL;
}

int evg_i_scores_new(evg_scores **out, size_t n, evg_error *err)
{
    evg_scores *s = calloc(1, sizeof(*s));

    *out = NULL;
    if (s == NULL)
        return evg_i_error_nomem(err);
    s->n = n;
    *out = s;
    return 0;
}

double *evg_i_scores_column(evg_scores *s, evg_measure m)
{
    /* One element at least: calloc(0) may return NULL, which would read as no memory. */
    if (s->val[m] == NULL)
        s->val[m] = calloc(s->n ? s->n : 1, sizeof(double));
    return s->val[m];
}

/* Copy an igraph result, turning NaN or infinity (none expected) into 0. */
static void take(double *dst, const igraph_vector_t *src)
{
    for (igraph_integer_t i = 0; i < igraph_vector_size(src); i++) {
        double x = VECTOR(*src)[i];
        dst[i] = isfinite(x) ? x : 0.0;
    }
}

/*
 * What one measure needs: the graph, its weights (tie strengths), the path
 * lengths 1/weight (NULL when every length is 1), the cutoff and a result
 * vector to reuse.
 */
typedef struct {
    const igraph_t *ig;
    const igraph_vector_t *w, *lengths;
    double cutoff;
    igraph_vector_t *res;
} measure_ctx;

/* Degree: a plain count. */
static int degree(evg_scores *s, const measure_ctx *c, evg_error *err)
{
    igraph_vector_int_t deg;
    int have_deg = 0, rc = 0;

    EVG_IGRAPH(igraph_vector_int_init(&deg, 0));
    have_deg = 1;
    EVG_IGRAPH(igraph_degree(c->ig, &deg, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS));
    for (size_t v = 0; v < s->n; v++)
        s->val[EVG_M_DEGREE][v] = (double)VECTOR(deg)[v];
cleanup:
    if (have_deg)
        igraph_vector_int_destroy(&deg);
    return rc;
}

/*
 * One measure into s->val[m]. Betweenness and harmonic closeness go over
 * path lengths 1/weight; with a cutoff they count only the paths no longer
 * than it (igraph's _cutoff variants), which bounds the search from each
 * vertex to its neighbourhood: approximate, but usable on large graphs.
 */
static int one_measure(evg_scores *s, const measure_ctx *c, evg_measure m, evg_error *err)
{
    int rc = 0;

    if ((size_t)m >= EVG_M__COUNT)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown measure %d", (int)m);
    if (evg_i_scores_column(s, m) == NULL)
        return evg_i_error_nomem(err);
    switch (m) {
    case EVG_M_DEGREE:
        return degree(s, c, err);
    case EVG_M_STRENGTH:
        EVG_IGRAPH(igraph_strength(c->ig, c->res, igraph_vss_all(), IGRAPH_ALL,
                                   IGRAPH_LOOPS, c->w));
        break;
    case EVG_M_BETWEENNESS:
        EVG_IGRAPH(
            c->cutoff > 0
                ? igraph_betweenness_cutoff(c->ig, c->res, igraph_vss_all(), 0,
                                            c->lengths, c->cutoff)
                : igraph_betweenness(c->ig, c->res, igraph_vss_all(), 0, c->lengths));
        break;
    case EVG_M_CLOSENESS:
        EVG_IGRAPH(igraph_harmonic_centrality_cutoff(c->ig, c->res, igraph_vss_all(),
                                                     IGRAPH_ALL, c->lengths, 1,
                                                     c->cutoff > 0 ? c->cutoff : -1));
        break;
    case EVG_M_EIGENVECTOR:
        /*
         * igraph gives every vertex of an edgeless graph eigenvector centrality 1,
         * but 0 to an isolated vertex of a graph with edges; 0 for all says the
         * same thing as the second case: nobody is connected.
         */
        if (igraph_ecount(c->ig) == 0) {
            memset(s->val[m], 0, s->n * sizeof(double));
            return 0;
        }
        igraph_rng_seed(igraph_rng_default(), EVG_RNG_SEED);
        EVG_IGRAPH(igraph_eigenvector_centrality(c->ig, c->res, NULL, 0, 1, c->w, NULL));
        break;
    case EVG_M_PAGERANK: {
        int threads = openmp_threads(1);
        igraph_error_t status =
            igraph_pagerank(c->ig, IGRAPH_PAGERANK_ALGO_PRPACK, c->res, NULL,
                            igraph_vss_all(), 0, 0.85, c->w, NULL);
        openmp_threads(threads);
        EVG_IGRAPH(status);
        break;
    }
    default:
        break;
    }
    take(s->val[m], c->res);
cleanup:
    return rc;
}

/*
 * The lengths 1/weight into `len`; `*lengths_out` is &len, or NULL when
 * every length is 1: the weighted and unweighted results are then the
 * same, and breadth-first search is about three times faster than Dijkstra.
 */
static void path_lengths(const igraph_vector_t **lengths_out, igraph_vector_t *len)
{
    *lengths_out = NULL;
    /* A non-positive weight is left as it is, for igraph to reject. */
    for (igraph_integer_t e = 0; e < igraph_vector_size(len); e++) {
        if (VECTOR(*len)[e] > 0)
            VECTOR(*len)[e] = 1.0 / VECTOR(*len)[e];
        if (VECTOR(*len)[e] != 1.0)
            *lengths_out = len;
    }
}

/*
 * The measures of the set `measures` of `ig` into `s`, each marked as
 * computed once it is; on failure the measure being computed stays unmarked.
 */
static int run_measures(evg_scores *s, const igraph_t *ig, const igraph_vector_t *weights,
                        double cutoff, unsigned measures, evg_error *err)
{
    igraph_vector_t res, len;
    int have_res = 0, have_len = 0, rc = 0;
    measure_ctx c = {ig, weights, NULL, cutoff, &res};

    if (measures & EVG_I_PATH_MEASURES)
        s->cutoff = cutoff > 0 ? cutoff : 0.0;
    if (s->n == 0) { /* nothing to rank; igraph would only return empty vectors */
        s->have |= measures;
        return 0;
    }
    EVG_IGRAPH(igraph_vector_init(&res, 0));
    have_res = 1;
    EVG_IGRAPH(igraph_vector_init_copy(&len, weights));
    have_len = 1;
    path_lengths(&c.lengths, &len);
    for (int m = 0; m < EVG_M__COUNT; m++) {
        if (!(measures & EVG_MEASURE_BIT(m)))
            continue;
        EVG_CHECK(one_measure(s, &c, (evg_measure)m, err));
        s->have |= EVG_MEASURE_BIT(m);
    }
cleanup:
    if (have_len)
        igraph_vector_destroy(&len);
    if (have_res)
        igraph_vector_destroy(&res);
    return rc;
}

/* The set of measures `opts` asks for: every one without options or in version 1. */
static unsigned measures_of(const evg_analysis_opts *opts)
{
    return opts && opts->version >= 2 ? opts->measures : EVG_MEASURES_ALL;
}

static double cutoff_of(const evg_analysis_opts *opts)
{
    return opts ? opts->betweenness_cutoff : 0.0;
}

int evg_i_scores_run(evg_scores *s, const igraph_t *ig, const igraph_vector_t *weights,
                     const evg_analysis_opts *opts, evg_error *err)
{
    return run_measures(s, ig, weights, cutoff_of(opts), measures_of(opts), err);
}

/*
 * The options, checked; NULL stays NULL. Version 1 ends with the cutoff:
 * `measures` is read only from version 2 on.
 */
static int check_opts(const evg_analysis_opts *opts, evg_error *err)
{
    if (opts && (opts->version < 1 || opts->version > EVG_ANALYSIS_OPTS_VERSION))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "unsupported analysis options");
    if (opts && !(opts->betweenness_cutoff <= 0 || isfinite(opts->betweenness_cutoff)))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "the cutoff must be finite");
    if (measures_of(opts) & ~EVG_MEASURES_ALL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "unknown measures in the set (0x%x)",
                               measures_of(opts) & ~EVG_MEASURES_ALL);
    return 0;
}

/* The edge weights of `g` into `w` (initialised here). */
static int weights_of(igraph_vector_t *w, const evg_graph *g, evg_error *err)
{
    size_t ne = evg_graph_edge_count(g);
    int rc = 0;

    EVG_IGRAPH(igraph_vector_init(w, (igraph_integer_t)ne));
    for (size_t e = 0; e < ne; e++)
        VECTOR(*w)[e] = evg_i_graph_eattr(g, e)->weight;
cleanup:
    return rc;
}

int evg_i_scores_measure(evg_scores *s, const evg_graph *g, evg_measure m,
                         const evg_analysis_opts *opts, evg_error *err)
{
    igraph_vector_t w;
    int rc;

    evg_i_igraph_init();
    if ((rc = check_opts(opts, err)) < 0 || (rc = weights_of(&w, g, err)) < 0)
        return rc;
    if ((size_t)m >= EVG_M__COUNT)
        rc = evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown measure %d", (int)m);
    else
        rc = run_measures(s, evg_i_graph_igraph(g), &w, cutoff_of(opts),
                          EVG_MEASURE_BIT(m), err);
    igraph_vector_destroy(&w);
    return rc;
}

int evg_scores_compute(evg_scores **out, const evg_graph *g,
                       const evg_analysis_opts *opts, evg_error *err)
{
    evg_scores *s = NULL;
    igraph_vector_t w;
    int have_w = 0, rc = 0;

    *out = NULL;
    evg_i_igraph_init(); /* errors, not aborts, even without evg_global_init() */
    EVG_CHECK(check_opts(opts, err));
    EVG_CHECK(evg_i_scores_new(&s, evg_graph_vertex_count(g), err));
    EVG_CHECK(weights_of(&w, g, err));
    have_w = 1;
    EVG_CHECK(evg_i_scores_run(s, evg_i_graph_igraph(g), &w, opts, err));
    *out = s;
    s = NULL;
cleanup:
    if (have_w)
        igraph_vector_destroy(&w);
    evg_scores_free(s);
    return rc;
}

int evg_scores_has(const evg_scores *s, evg_measure m)
{
    return s && (size_t)m < EVG_M__COUNT && (s->have & EVG_MEASURE_BIT(m)) != 0;
}

unsigned evg_scores_measures(const evg_scores *s)
{
    return s ? s->have : 0;
}

double evg_scores_cutoff(const evg_scores *s)
{
    return s && (s->have & EVG_I_PATH_MEASURES) ? s->cutoff : 0.0;
}

size_t evg_scores_vertex_count(const evg_scores *s)
{
    return s ? s->n : 0;
}

double evg_scores_get(const evg_scores *s, evg_measure m, size_t v)
{
    if (!evg_scores_has(s, m) || v >= s->n)
        return 0.0;
    return s->val[m][v];
}

typedef struct {
    double score;
    size_t v;
} ranked;

static int by_rank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v; /* vertices are sorted by id */
}

size_t evg_scores_top(size_t *out, size_t n, const evg_scores *s, const evg_graph *g,
                      evg_measure m, int type)
{
    ranked *r;
    size_t k = 0;

    if (!evg_scores_has(s, m) || n == 0 || s->n == 0)
        return 0;
    if ((r = calloc(s->n, sizeof(*r))) == NULL)
        return 0;
    for (size_t v = 0; v < s->n && v < evg_graph_vertex_count(g); v++) {
        if (type >= 0 && (int)evg_graph_vertex_type(g, v) != type)
            continue;
        r[k].score = s->val[m][v];
        r[k++].v = v;
    }
    qsort(r, k, sizeof(*r), by_rank);
    if (k > n)
        k = n;
    for (size_t i = 0; i < k; i++)
        out[i] = r[i].v;
    free(r);
    return k;
}

void evg_scores_free(evg_scores *s)
{
    if (s == NULL)
        return;
    for (int m = 0; m < EVG_M__COUNT; m++)
        free(s->val[m]);
    free(s);
}
