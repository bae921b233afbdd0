/*
 * The colours of people by country, as the report draws them and the exports
 * write them (docs/formats.md): the countries with most people who met someone
 * in person get a colour each, the other countries share a grey, and people of
 * no known country a lighter one.
 */
#include <stdlib.h>
#include <string.h>

#include "graph/graph_internal.h"

/* Tableau's ten colours without its grey: distinct at a glance and readable in print. */
static const char *const PALETTE[EVG_I_PALETTE_COLORS] = {
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
    "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
};
const char *const EVG_I_COLOR_OTHER = "#bab0ac";
const char *const EVG_I_COLOR_UNKNOWN = "#ececec";

static int by_people(const void *a, const void *b)
{
    const evg_i_country_color *x = a, *y = b;

    if (x->people != y->people)
        return x->people > y->people ? -1 : 1;
    return strcmp(x->code, y->code);
}

int evg_i_palette_make(evg_i_palette *out, const evg_graph *g,
                       int (*counted)(const void *payload, size_t v), const void *payload)
{
    size_t n = evg_graph_vertex_count(g), k = 0;
    evg_i_country_color *all;

    memset(out, 0, sizeof *out);
    if (n == 0)
        return 0;
    if ((all = calloc(n, sizeof(*all))) == NULL)
        return EVG_ENOMEM;
    for (size_t v = 0; v < n; v++) {
        const char *c = evg_i_graph_vattr(g, v)->country;
        size_t i = 0;
        if (c == NULL || evg_i_graph_vattr(g, v)->type != EVG_NODE_PERSON ||
            !counted(payload, v))
            continue;
        while (i < k && strcmp(all[i].code, c) != 0)
            i++;
        if (i == k)
            all[k++].code = c;
        all[i].people++;
    }
    qsort(all, k, sizeof(*all), by_people);
    out->n = k < EVG_I_PALETTE_COLORS ? k : EVG_I_PALETTE_COLORS;
    for (size_t i = 0; i < out->n; i++) {
        out->c[i] = all[i];
        out->c[i].color = PALETTE[i];
    }
    free(all);
    return 0;
}

const char *evg_i_palette_color(const evg_i_palette *p, const char *code)
{
    if (code == NULL)
        return EVG_I_COLOR_UNKNOWN;
    for (size_t i = 0; i < p->n; i++)
        if (strcmp(p->c[i].code, code) == 0)
            return p->c[i].color;
    return EVG_I_COLOR_OTHER;
}
