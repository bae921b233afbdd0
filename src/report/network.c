/*
 * The network picture: the people who met someone in person, placed by the
 * layout of the analysis stage (igraph), coloured by country, sized by
 * PageRank, the most central named, with a legend of the colours. People
 * without an in-person meeting (calls, planned visits) are left out of the
 * drawing; the caption says how many.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

#define NET_W 900.0
#define NET_MIN_W 480.0
#define NET_PAD 28.0
#define NET_TOP 30.0
#define NET_NAMES 150.0 /* the room for names right of the rightmost dots */
#define NET_SCALE 160.0 /* the most pixels per layout unit, for small graphs */
#define CHAR_W 7.0      /* an average character at 12 px */
#define BOLD_CHAR_W 8.0 /* the same in bold, as names are written */

typedef struct {
    double minx, miny, maxx, maxy; /* of the drawn vertices, in layout units */
    double s, ox, oy;              /* pixel = o + s * (layout - min) */
    double w, h;                   /* of the whole picture */
    double prlo, prhi;             /* PageRank range of the drawn vertices */
} frame;

static size_t measure(frame *fr, const evg_report *r)
{
    size_t n = evg_graph_vertex_count(r->people), k = 0;

    for (size_t v = 0; v < n; v++) {
        double x = evg_layout_x(r->layout, v), y = evg_layout_y(r->layout, v);
        double pr = evg_scores_get(r->scores, EVG_M_PAGERANK, v);
        if (!evg_i_report_drawn(r, v))
            continue;
        if (k++ == 0) {
            fr->minx = fr->maxx = x;
            fr->miny = fr->maxy = y;
            fr->prlo = fr->prhi = pr;
        }
        fr->minx = fmin(fr->minx, x), fr->maxx = fmax(fr->maxx, x);
        fr->miny = fmin(fr->miny, y), fr->maxy = fmax(fr->maxy, y);
        fr->prlo = fmin(fr->prlo, pr), fr->prhi = fmax(fr->prhi, pr);
    }
    return k;
}

static double px(const frame *fr, double x)
{
    return fr->ox + fr->s * (x - fr->minx);
}

static double py(const frame *fr, double y)
{
    return fr->oy + fr->s * (y - fr->miny);
}

static double radius(const frame *fr, const evg_report *r, size_t v)
{
    double pr = evg_scores_get(r->scores, EVG_M_PAGERANK, v);
    double t = fr->prhi > fr->prlo ? (pr - fr->prlo) / (fr->prhi - fr->prlo) : 0.5;

    return 3.5 + 8.5 * sqrt(t); /* area, not radius, grows with the score */
}

/* One entry of the legend: colour, text, and how many people. */
typedef struct {
    const char *color, *text;
    size_t n;
} legend_entry;

static size_t legend_entries(legend_entry *out, const evg_report *r)
{
    size_t k = 0, other = 0, unknown = 0, n = evg_graph_vertex_count(r->people);

    for (size_t i = 0; i < r->palette.n; i++)
        out[k++] = (legend_entry){r->palette.c[i].color,
                                  evg_i_report_country(r, r->palette.c[i].code),
                                  r->palette.c[i].people};
    for (size_t v = 0; v < n; v++) {
        const char *c = evg_i_report_color(r, v);
        if (!evg_i_report_drawn(r, v))
            continue;
        other += c == EVG_I_COLOR_OTHER;
        unknown += c == EVG_I_COLOR_UNKNOWN;
    }
    if (other)
        out[k++] = (legend_entry){EVG_I_COLOR_OTHER, "other countries", other};
    if (unknown)
        out[k++] = (legend_entry){EVG_I_COLOR_UNKNOWN, "country not known", unknown};
    return k;
}

/* "Name (n)", the name cut at 24 characters. */
static double entry_width(const legend_entry *e)
{
    size_t chars = strlen(e->text) > 24 ? 24 : strlen(e->text);
    return 16 + CHAR_W * (double)(chars + 6) + 14;
}

/* Lay the legend out in rows from `y`; with `f` NULL only measure it. */
static double legend(FILE *f, const legend_entry *e, size_t k, double w, double y)
{
    double x = 8, rows = 1;

    for (size_t i = 0; i < k; i++) {
        double ew = entry_width(&e[i]);
        if (x > 8 && x + ew > w) {
            x = 8;
            rows++;
        }
        if (f) {
            double ty = y + 20 * (rows - 1);
            fprintf(f,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"6\" fill=\"%s\" "
                    "stroke=\"#666666\" stroke-width=\"0.5\"/>\n",
                    x + 6, ty - 4, e[i].color);
            fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">", x + 16, ty);
            evg_i_report_xml_cut(f, e[i].text, 24);
            fprintf(f, " <tspan fill=\"#555555\">(%zu)</tspan></text>\n", e[i].n);
        }
        x += ew;
    }
    return 20 * rows + 6;
}

static void edges(FILE *f, const frame *fr, const evg_report *r)
{
    fputs("<g stroke=\"#8c8c8c\" stroke-opacity=\"0.7\" stroke-linecap=\"round\">\n", f);
    for (size_t e = 0; e < evg_graph_edge_count(r->people); e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(r->people, e);
        double w = a->weight > 1 ? fmin(1 + 0.8 * (a->weight - 1), 5) : 1;
        fprintf(f,
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                "stroke-width=\"%.1f\"/>\n",
                px(fr, evg_layout_x(r->layout, a->from)),
                py(fr, evg_layout_y(r->layout, a->from)),
                px(fr, evg_layout_x(r->layout, a->to)),
                py(fr, evg_layout_y(r->layout, a->to)), w);
    }
    fputs("</g>\n", f);
}

static void nodes(FILE *f, const frame *fr, const evg_report *r)
{
    fputs("<g stroke=\"#ffffff\" stroke-width=\"1\">\n", f);
    for (size_t i = evg_graph_vertex_count(r->people); i-- > 0;) {
        size_t v = r->order[i]; /* the most central last, on top */
        const char *country = evg_i_graph_vattr(r->people, v)->country;
        if (!evg_i_report_drawn(r, v))
            continue;
        fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"><title>",
                px(fr, evg_layout_x(r->layout, v)), py(fr, evg_layout_y(r->layout, v)),
                radius(fr, r, v), evg_i_report_color(r, v));
        evg_i_report_xml(f, evg_graph_vertex_label(r->people, v));
        if (country) {
            fputs(" (", f);
            evg_i_report_xml(f, evg_i_report_country(r, country));
            fputc(')', f);
        }
        fputs("</title></circle>\n", f);
    }
    fputs("</g>\n", f);
}

typedef struct {
    double x0, y0, x1, y1;
} box;

static int overlaps(const box *b, const box *placed, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (b->x0 < placed[i].x1 && placed[i].x0 < b->x1 && b->y0 < placed[i].y1 &&
            placed[i].y0 < b->y1)
            return 1;
    return 0;
}

/* Whether `b` would cover the dot of a drawn person other than `self`. */
static int covers_dot(const box *b, const frame *fr, const evg_report *r, size_t self)
{
    for (size_t v = 0; v < evg_graph_vertex_count(r->people); v++) {
        double x, y, d;
        if (v == self || !evg_i_report_drawn(r, v))
            continue;
        x = px(fr, evg_layout_x(r->layout, v));
        y = py(fr, evg_layout_y(r->layout, v));
        d = radius(fr, r, v);
        if (x + d > b->x0 && x - d < b->x1 && y + d > b->y0 && y - d < b->y1)
            return 1;
    }
    return 0;
}

/* Whether a name may go in `b`: inside the picture, over no name and no other dot. */
static int room_for(const box *b, const box *placed, size_t n, const frame *fr,
                    const evg_report *r, size_t self)
{
    return b->x0 >= 0 && b->x1 <= fr->w && !overlaps(b, placed, n) &&
           !covers_dot(b, fr, r, self);
}

/* The people whose names are always written, however crowded: the ten most central. */
#define ALWAYS_NAMED 10

/*
 * The names of the `top` most central people drawn, on top of everything, by
 * rank: right of the dot, else left of it, else above or below it (right or
 * left), where it covers no name already there and no other dot; the most
 * central choose first. Of the ten most central, a name with no free place
 * is written right of the dot all the same (left when that leaves the
 * picture): a crowded picture hides lesser names, never theirs. The others
 * are left out then.
 */
static void labels(FILE *f, const frame *fr, const evg_report *r)
{
    box *placed = calloc(r->top + 1, sizeof(*placed));
    size_t shown = 0, ranked = 0, n = evg_graph_vertex_count(r->people);

    if (placed == NULL)
        return;
    fputs("<g font-weight=\"bold\" stroke=\"#ffffff\" stroke-width=\"3\" "
          "stroke-linejoin=\"round\" paint-order=\"stroke\">\n",
          f);
    for (size_t i = 0; i < n && shown < r->top; i++) {
        size_t v = r->order[i];
        const char *name = evg_graph_vertex_label(r->people, v);
        double x = px(fr, evg_layout_x(r->layout, v)),
               y = py(fr, evg_layout_y(r->layout, v));
        double d = radius(fr, r, v) + 3,
               len = BOLD_CHAR_W * (double)evg_i_report_chars(name, 26);
        /* right, left, then a line above and below on either side */
        const double dy[] = {0, 0, -14, -14, 14, 14};
        box b;
        size_t c, nc = sizeof dy / sizeof dy[0];
        if (!evg_i_report_drawn(r, v))
            continue;
        ranked++;
        for (c = 0; c < nc; c++) {
            int right = c % 2 == 0;
            b = (box){right ? x + d : x - d - len, y - 9 + dy[c],
                      right ? x + d + len : x - d, y + 5 + dy[c]};
            if (room_for(&b, placed, shown, fr, r, v))
                break;
        }
        if (c == nc) {
            if (ranked > ALWAYS_NAMED)
                continue;
            c = x + d + len <= fr->w ? 0 : 1;
            b = (box){c == 0 ? x + d : x - d - len, y - 9, c == 0 ? x + d + len : x - d,
                      y + 5};
        }
        placed[shown++] = b;
        evg_i_svg_text(f, c % 2 == 0 ? b.x0 : b.x1, b.y1 - 1,
                       c % 2 == 0 ? "start" : "end", NULL, name, 26);
    }
    fputs("</g>\n", f);
    free(placed);
}

void evg_i_svg_network(FILE *f, const evg_report *r, int standalone)
{
    legend_entry entries[EVG_I_PALETTE_COLORS + 2];
    size_t nentries;
    frame fr;
    double dw, dh;

    memset(&fr, 0, sizeof fr);
    if (measure(&fr, r) == 0) {
        evg_i_svg_empty(f, evg_i_picture_title(EVG_PIC_NETWORK),
                        "No two people met in person.", standalone);
        return;
    }
    dw = fr.maxx - fr.minx;
    dh = fr.maxy - fr.miny;
    /* Room on the right for the names of the dots nearest to it. */
    fr.s = dw > 0 ? fmin((NET_W - 2 * NET_PAD - NET_NAMES) / dw, NET_SCALE) : NET_SCALE;
    fr.w = fmax(dw * fr.s + 2 * NET_PAD + NET_NAMES, NET_MIN_W);
    fr.ox = NET_PAD;
    fr.oy = NET_TOP + NET_PAD;
    nentries = legend_entries(entries, r);
    fr.h = fr.oy + dh * fr.s + NET_PAD + legend(NULL, entries, nentries, fr.w, 0);
    evg_i_svg_open(f, fr.w, fr.h, evg_i_picture_title(EVG_PIC_NETWORK), standalone);
    edges(f, &fr, r);
    nodes(f, &fr, r);
    labels(f, &fr, r);
    legend(f, entries, nentries, fr.w, fr.oy + dh * fr.s + NET_PAD + 14);
    evg_i_svg_close(f);
}
