/*
 * The pictures of a report as SVG: the bar charts of the most central
 * people, the timeline and the country matrix (the network is in
 * network.c). Plain shapes and text only, no script, no external resource,
 * so one drawing serves inline in HTML and as a file beside Markdown.
 * Coordinates are written with one decimal: the same report, the same bytes.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

#define FONT "DejaVu Sans, Liberation Sans, Arial, sans-serif"
#define CHAR_W 7.0 /* the width of an average character at 12 px, for layout */

static const char *const TITLES[EVG_PIC__COUNT] = {
    [EVG_PIC_NETWORK] = "Network of people",
    [EVG_PIC_BETWEENNESS] = "Top people by betweenness",
    [EVG_PIC_DEGREE] = "Top people by degree",
    [EVG_PIC_TIMELINE] = "Events over time",
    [EVG_PIC_COUNTRIES] = "Meetings between countries",
};

const char *evg_i_picture_title(evg_report_picture p)
{
    return (size_t)p < EVG_PIC__COUNT ? TITLES[p] : "";
}

void evg_i_svg_open(FILE *f, double w, double h, const char *title, int standalone)
{
    if (standalone)
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
    fprintf(f,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" "
            "width=\"%.0f\" height=\"%.0f\" role=\"img\" font-family=\"%s\" "
            "font-size=\"12\">\n<title>",
            w, h, w, h, FONT);
    evg_i_report_xml(f, title);
    fprintf(f, "</title>\n<rect width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", w,
            h);
    fprintf(f, "<text x=\"8\" y=\"20\" font-size=\"15\" font-weight=\"bold\">");
    evg_i_report_xml(f, title);
    fputs("</text>\n", f);
}

void evg_i_svg_close(FILE *f)
{
    fputs("</svg>\n", f);
}

void evg_i_svg_text(FILE *f, double x, double y, const char *anchor, const char *attrs,
                    const char *s, size_t max_chars)
{
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\"", x, y);
    if (anchor && strcmp(anchor, "start") != 0)
        fprintf(f, " text-anchor=\"%s\"", anchor);
    if (attrs && attrs[0])
        fprintf(f, " %s", attrs);
    fputc('>', f);
    evg_i_report_xml_cut(f, s, max_chars);
    fputs("</text>\n", f);
}

void evg_i_svg_empty(FILE *f, const char *title, const char *message, int standalone)
{
    evg_i_svg_open(f, 480, 90, title, standalone);
    evg_i_svg_text(f, 8, 56, "start", "fill=\"#555555\"", message, 0);
    evg_i_svg_close(f);
}

/* A round step for about `ticks` grid lines up to `max`: 1, 2 or 5 times 10^k. */
static double nice_step(double max, int ticks)
{
    double raw = max / ticks, p = pow(10, floor(log10(raw)));

    if (raw <= p)
        return p;
    if (raw <= 2 * p)
        return 2 * p;
    return raw <= 5 * p ? 5 * p : 10 * p;
}

/* ---- bar charts --------------------------------------------------------- */

typedef struct {
    double score;
    size_t rank, v;
} bar;

static int by_score(const void *a, const void *b)
{
    const bar *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The `r->top` people with the highest `m`, ties in the report's order. */
static size_t top_by(bar **out, const evg_report *r, evg_measure m)
{
    size_t n = evg_graph_vertex_count(r->people);
    bar *b;

    *out = NULL;
    if (n == 0 || (b = calloc(n, sizeof(*b))) == NULL)
        return 0;
    for (size_t v = 0; v < n; v++)
        b[v] = (bar){evg_scores_get(r->scores, m, v), r->rank_of[v], v};
    qsort(b, n, sizeof(*b), by_score);
    *out = b;
    return n < r->top ? n : r->top;
}

#define BAR_LABEL_W 200.0
#define BAR_ROW 24.0

static void bar_chart(FILE *f, const evg_report *r, evg_measure m, evg_report_picture p,
                      int standalone)
{
    bar *b = NULL;
    size_t n = top_by(&b, r, m), zeros = 0, people = evg_graph_vertex_count(r->people);
    char num[EVG_I_NUM_BUF];

    /* Only bars with a score: the people at 0 are counted in a line below instead. */
    while (n > 0 && b[n - 1].score <= 0)
        n--;
    for (size_t i = n; i < people; i++)
        zeros += b[i].score <= 0;
    double w = 560, plot = w - BAR_LABEL_W - 70,
           h = 40 + BAR_ROW * (double)(n + (zeros > 0 && n < r->top)) + 8;

    if (!evg_scores_has(r->scores, m)) {
        evg_i_svg_empty(f, TITLES[p],
                        m == EVG_M_BETWEENNESS
                            ? "Betweenness was not computed (--measures)."
                            : "Degree was not computed (--measures).",
                        standalone);
        free(b);
        return;
    }
    if (n == 0 || b[0].score <= 0) {
        evg_i_svg_empty(f, TITLES[p],
                        m == EVG_M_BETWEENNESS
                            ? "Nobody lies on a path between others: every score is 0."
                            : "Nobody met anyone in person.",
                        standalone);
        free(b);
        return;
    }
    evg_i_svg_open(f, w, h, TITLES[p], standalone);
    for (size_t i = 0; i < n; i++) {
        double y = 36 + BAR_ROW * (double)i, len = plot * b[i].score / b[0].score;
        const char *name = evg_graph_vertex_label(r->people, b[i].v);
        fputs("<g>\n<title>", f);
        evg_i_report_xml(f, name);
        fputs("</title>\n", f);
        evg_i_svg_text(f, BAR_LABEL_W - 6, y + 15, "end", NULL, name, 28);
        fprintf(f,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
                "stroke=\"#666666\" stroke-width=\"0.5\"/>\n",
                BAR_LABEL_W, y + 2, len > 1 ? len : 1, BAR_ROW - 6,
                evg_i_report_color(r, b[i].v));
        evg_i_svg_text(f, BAR_LABEL_W + (len > 1 ? len : 1) + 5, y + 15, "start", NULL,
                       evg_i_report_num(num, b[i].score), 0);
        fputs("</g>\n", f);
    }
    if (zeros > 0 && n < r->top) {
        char line[96];
        snprintf(line, sizeof line, "%zu more %s at 0, left out.", zeros,
                 zeros == 1 ? "person scores" : "people score");
        evg_i_svg_text(f, BAR_LABEL_W, 36 + BAR_ROW * (double)n + 15, "start", NULL, line,
                       0);
    }
    evg_i_svg_close(f);
    free(b);
}

/* ---- timeline ----------------------------------------------------------- */

#define TL_W 900.0
#define TL_H 320.0
#define TL_LEFT 48.0
#define TL_TOP 58.0
#define TL_BOTTOM 44.0

static void timeline_legend(FILE *f, const evg_i_timeline *t)
{
    double x = 8;

    for (int k = 0; k < EVG_I_TL__COUNT; k++) {
        size_t total = 0;
        for (size_t i = 0; i < t->nb; i++)
            total += t->b[i].count[k];
        if (total == 0)
            continue;
        fprintf(f, "<rect x=\"%.1f\" y=\"32\" width=\"12\" height=\"12\" fill=\"%s\"/>\n",
                x, EVG_I_TL_COLORS[k]);
        fprintf(f, "<text x=\"%.1f\" y=\"43\">%s (%zu)</text>\n", x + 16,
                EVG_I_TL_LABELS[k], total);
        x += 16 + CHAR_W * (double)(strlen(EVG_I_TL_LABELS[k]) + 6) + 14;
    }
}

static void timeline_axes(FILE *f, const evg_i_timeline *t, double plot_h, double top)
{
    double step = fmax(1.0, nice_step((double)t->max, 4));

    for (double v = 0; v <= (double)t->max + 1e-9; v += step) {
        double y = TL_TOP + plot_h - plot_h * v / top;
        fprintf(
            f,
            "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#dddddd\"/>\n"
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" "
            "fill=\"#555555\">%.0f</text>\n",
            TL_LEFT, y, TL_W - 10, y, TL_LEFT - 6, y + 4, v);
    }
}

static void timeline(FILE *f, const evg_report *r, int standalone)
{
    const evg_i_timeline *t = &r->tl;
    double plot_w = TL_W - TL_LEFT - 10, plot_h = TL_H - TL_TOP - TL_BOTTOM, bw, top;
    size_t every;

    if (t->unit == NULL) {
        evg_i_svg_empty(f, TITLES[EVG_PIC_TIMELINE], "No event has a date.", standalone);
        return;
    }
    bw = plot_w / (double)t->nb;
    top = (double)t->max;
    evg_i_svg_open(f, TL_W, TL_H, TITLES[EVG_PIC_TIMELINE], standalone);
    timeline_legend(f, t);
    timeline_axes(f, t, plot_h, top);
    for (size_t i = 0; i < t->nb; i++) {
        double x = TL_LEFT + bw * (double)i, y = TL_TOP + plot_h;
        double gap = bw > 4 ? bw * 0.15 : 0;
        for (int k = 0; k < EVG_I_TL__COUNT; k++) {
            double hk = plot_h * (double)t->b[i].count[k] / top;
            if (t->b[i].count[k] == 0)
                continue;
            y -= hk;
            fprintf(
                f,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\">"
                "<title>%s %s: %zu</title></rect>\n",
                x + gap / 2, y, bw - gap, hk, EVG_I_TL_COLORS[k], t->b[i].label,
                EVG_I_TL_LABELS[k], t->b[i].count[k]);
        }
    }
    /* A label every so many bars, so that they do not overlap. */
    every = (size_t)ceil((CHAR_W * (double)strlen(t->b[0].label) + 12) / bw);
    for (size_t i = 0; i < t->nb; i += every ? every : 1)
        evg_i_svg_text(f, TL_LEFT + bw * ((double)i + 0.5), TL_TOP + plot_h + 18,
                       "middle", "fill=\"#555555\"", t->b[i].label, 0);
    fprintf(
        f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333333\"/>\n",
        TL_LEFT, TL_TOP + plot_h, TL_W - 10, TL_TOP + plot_h);
    evg_i_svg_text(f, TL_LEFT, TL_H - 8, "start", "fill=\"#555555\"",
                   strcmp(t->unit, "week") == 0    ? "events per week (from Monday)"
                   : strcmp(t->unit, "month") == 0 ? "events per month"
                                                   : "events per year",
                   0);
    evg_i_svg_close(f);
}

/* ---- country matrix ----------------------------------------------------- */

#define MX_CELL 38.0
#define MX_LEFT 170.0
#define MX_TOP 64.0

/* From a pale to a deep blue as `t` goes from 0 to 1. */
static void shade(char out[8], double t)
{
    static const int lo[3] = {0xea, 0xf1, 0xfb}, hi[3] = {0x1f, 0x4e, 0x8c};
    int c[3];

    for (int i = 0; i < 3; i++)
        c[i] = (int)lround(lo[i] + (hi[i] - lo[i]) * t);
    snprintf(out, 8, "#%02x%02x%02x", c[0] & 0xff, c[1] & 0xff, c[2] & 0xff);
}

static void matrix_cell(FILE *f, const evg_report *r, size_t i, size_t j)
{
    const evg_i_matrix *mx = &r->mx;
    double x = MX_LEFT + MX_CELL * (double)j, y = MX_TOP + MX_CELL * (double)i;
    size_t n = mx->cell[i * mx->n + j];
    double t = mx->max ? sqrt((double)n / (double)mx->max) : 0;
    char fill[8];

    if (i == j) {
        fprintf(f,
                "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                "fill=\"#f4f4f4\" stroke=\"#ffffff\"/>\n",
                x, y, MX_CELL, MX_CELL);
        return;
    }
    if (n == 0)
        snprintf(fill, sizeof fill, "#ffffff");
    else
        shade(fill, 0.15 + 0.85 * t);
    fprintf(f,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
            "stroke=\"#dddddd\"/>\n",
            x, y, MX_CELL, MX_CELL, fill);
    if (n)
        fprintf(
            f,
            "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"%s\">%zu</text>\n",
            x + MX_CELL / 2, y + MX_CELL / 2 + 4, t > 0.55 ? "#ffffff" : "#111111", n);
}

static void matrix(FILE *f, const evg_report *r, int standalone)
{
    const evg_i_matrix *mx = &r->mx;
    double side = MX_CELL * (double)mx->n;

    if (mx->n < 2) {
        evg_i_svg_empty(f, TITLES[EVG_PIC_COUNTRIES],
                        "No event joined officials of two countries.", standalone);
        return;
    }
    evg_i_svg_open(f, MX_LEFT + side + 10, MX_TOP + side + 10, TITLES[EVG_PIC_COUNTRIES],
                   standalone);
    for (size_t i = 0; i < mx->n; i++) {
        const char *name = evg_i_report_country(r, mx->code[i]);
        evg_i_svg_text(f, MX_LEFT - 6, MX_TOP + MX_CELL * ((double)i + 0.5) + 4, "end",
                       NULL, name, 22);
        evg_i_svg_text(f, MX_LEFT + MX_CELL * ((double)i + 0.5), MX_TOP - 8, "middle",
                       "font-weight=\"bold\"", mx->code[i], 0);
        for (size_t j = 0; j < mx->n; j++)
            matrix_cell(f, r, i, j);
    }
    evg_i_svg_close(f);
}

void evg_i_svg_write(FILE *f, const evg_report *r, evg_report_picture p, int standalone)
{
    switch (p) {
    case EVG_PIC_NETWORK:
        evg_i_svg_network(f, r, standalone);
        break;
    case EVG_PIC_BETWEENNESS:
        bar_chart(f, r, EVG_M_BETWEENNESS, p, standalone);
        break;
    case EVG_PIC_DEGREE:
        bar_chart(f, r, EVG_M_DEGREE, p, standalone);
        break;
    case EVG_PIC_TIMELINE:
        timeline(f, r, standalone);
        break;
    case EVG_PIC_COUNTRIES:
        matrix(f, r, standalone);
        break;
    default:
        break;
    }
}
