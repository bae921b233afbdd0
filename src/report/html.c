/*
 * The HTML renderer: one self-contained page. The style sheet and the
 * pictures are inline; there is no script and nothing is fetched, and the
 * page's Content-Security-Policy forbids both, so even a name that slipped
 * through escaping could not run or load anything. The layout follows the
 * width of the screen (phones included) and has a print style.
 */
#include "report/report_internal.h"

static const char CSS[] =
    "*{box-sizing:border-box}\n"
    "body{margin:0;font:16px/1.5 \"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;"
    "color:#1b1b1b;background:#fff}\n"
    "main{max-width:62rem;margin:0 auto;padding:1rem 1.25rem 3rem}\n"
    "h1{font-size:1.9rem;line-height:1.2;margin:.6rem 0 .3rem}\n"
    "h2{font-size:1.4rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;"
    "border-bottom:2px solid #e3e3e3}\n"
    "h3{font-size:1.1rem;margin:1.6rem 0 .3rem}\n"
    "p{margin:.5rem 0}\n"
    "dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));"
    "gap:.6rem;margin:.5rem 0}\n"
    "dl.facts div{border:1px solid #e3e3e3;border-radius:6px;padding:.45rem .7rem;"
    "background:#fafafa}\n"
    "dt{font-size:.78rem;color:#555;text-transform:uppercase;letter-spacing:.04em}\n"
    "dd{margin:0}\n"
    "figure{margin:1rem 0}\n"
    "svg{display:block;max-width:100%;height:auto}\n"
    "figcaption{font-size:.9rem;color:#444;margin-top:.35rem}\n"
    ".pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,24rem),1fr)"
    ");"
    "gap:0 1.5rem}\n"
    ".scroll{overflow-x:auto}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem}\n"
    "th,td{padding:.3rem .5rem;border-bottom:1px solid #e3e3e3;text-align:left;"
    "vertical-align:top}\n"
    "th{background:#f3f3f3;white-space:nowrap}\n"
    ".r{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".d{white-space:nowrap}\n"
    "ul{padding-left:1.3rem}\n"
    "li{margin:.25rem 0}\n"
    "blockquote{margin:.25rem 0 .5rem;padding:.1rem .8rem;border-left:3px solid #c9d6e8;"
    "color:#333;font-style:italic}\n"
    "code{font-family:\"DejaVu Sans Mono\",monospace;font-size:.88em;background:#f3f3f3;"
    "padding:0 .2em;border-radius:3px}\n"
    "a{color:#1f4e8c}\n"
    "@media (max-width:40rem){body{font-size:15px}main{padding:.75rem}"
    "h1{font-size:1.5rem}h2{font-size:1.25rem}}\n"
    "@media print{body{font-size:10.5pt}main{max-width:none;padding:0}"
    ".toc{display:none}h2,h3{break-after:avoid}"
    "figure,tr,li,blockquote,dl.facts div{break-inside:avoid}"
    ".scroll{overflow:visible}a{color:inherit;text-decoration:none}"
    "@page{margin:1.5cm}}\n";

/* Text in an attribute or the <title>, where no element may stand. */
static void plain(evg_i_rw *w, const char *s)
{
    evg_i_report_xml(w->f, s);
}

/*
 * Text of the page. A run written right to left or holding a bidirectional
 * control (a name of an Arabic or Hebrew script, or a hostile U+202E) is
 * isolated in <bdi>: its direction, and any override it opens, end with it,
 * so one name cannot reverse the names and words around it. Names are
 * written by runs of their own; other text is left as it is.
 */
static void text(evg_i_rw *w, const char *s)
{
    int isolate = evg_i_report_isolate(s);

    if (isolate)
        fputs("<bdi>", w->f);
    evg_i_report_xml(w->f, s);
    if (isolate)
        fputs("</bdi>", w->f);
}

static void begin(evg_i_rw *w, const char *title)
{
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" "
          "content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
          "<meta name=\"generator\" content=\"evgraph\">\n<title>",
          w->f);
    plain(w, title);
    fprintf(w->f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n", CSS);
}

static void end(evg_i_rw *w)
{
    fputs("</main>\n</body>\n</html>\n", w->f);
}

static void heading(evg_i_rw *w, int level, const char *anchor, const char *s)
{
    fprintf(w->f, "<h%d", level);
    if (anchor) {
        fputs(" id=\"", w->f);
        plain(w, anchor);
        fputc('"', w->f);
    }
    fputc('>', w->f);
    text(w, s);
    fprintf(w->f, "</h%d>\n", level);
}

static void para(evg_i_rw *w, int open)
{
    fputs(open ? "<p>" : "</p>\n", w->f);
}

static void strong(evg_i_rw *w, const char *s)
{
    fputs("<strong>", w->f);
    text(w, s);
    fputs("</strong>", w->f);
}

static void code(evg_i_rw *w, const char *s)
{
    fputs("<code>", w->f);
    text(w, s);
    fputs("</code>", w->f);
}

static void anchor_link(evg_i_rw *w, const char *anchor, const char *s)
{
    fputs("<a href=\"#", w->f);
    plain(w, anchor);
    fputs("\">", w->f);
    text(w, s);
    fputs("</a>", w->f);
}

static void url(evg_i_rw *w, const char *href, const char *s)
{
    if (!evg_i_report_web_address(href)) {
        text(w, s);
        return;
    }
    fputs("<a href=\"", w->f);
    plain(w, href);
    fputs("\" rel=\"noopener noreferrer\">", w->f);
    text(w, s);
    fputs("</a>", w->f);
}

static void list(evg_i_rw *w, int open)
{
    fputs(open ? "<ul>\n" : "</ul>\n", w->f);
}

static void item(evg_i_rw *w, int open)
{
    fputs(open ? "<li>" : "</li>\n", w->f);
}

static void quote(evg_i_rw *w, const char *s)
{
    fputs("<blockquote>", w->f);
    text(w, s);
    fputs("</blockquote>", w->f);
}

static void facts(evg_i_rw *w, int open)
{
    fputs(open ? "<dl class=\"facts\">\n" : "</dl>\n", w->f);
}

static void fact(evg_i_rw *w, const char *label, int open)
{
    if (!open) {
        fputs("</dd></div>\n", w->f);
        return;
    }
    fputs("<div><dt>", w->f);
    text(w, label);
    fputs("</dt><dd>", w->f);
}

static void table(evg_i_rw *w, int open, const char *const *head, const char *align,
                  size_t ncols)
{
    if (!open) {
        fputs("</tbody>\n</table></div>\n", w->f);
        return;
    }
    w->align = align;
    w->ncols = ncols;
    fputs("<div class=\"scroll\"><table>\n<thead><tr>", w->f);
    for (size_t i = 0; i < ncols; i++) {
        fputs(align[i] == 'r' ? "<th class=\"r\">" : "<th>", w->f);
        text(w, head[i]);
        fputs("</th>", w->f);
    }
    fputs("</tr></thead>\n<tbody>\n", w->f);
}

static void row(evg_i_rw *w, int open)
{
    w->col = 0;
    fputs(open ? "<tr>" : "</tr>\n", w->f);
}

static void cell(evg_i_rw *w, int open)
{
    char a = w->col < w->ncols ? w->align[w->col] : 'l';

    if (!open) {
        fputs("</td>", w->f);
        w->col++;
        return;
    }
    fputs(a == 'r' ? "<td class=\"r\">" : a == 'd' ? "<td class=\"d\">" : "<td>", w->f);
}

static void figure(evg_i_rw *w, evg_report_picture p, int open)
{
    if (!open) {
        fputs("</figcaption>\n</figure>\n", w->f);
        return;
    }
    fprintf(w->f, "<figure id=\"picture-%s\">\n", evg_report_picture_name(p));
    evg_i_svg_write(w->f, w->rep, p, 0);
    fputs("<figcaption>", w->f);
}

static void pair(evg_i_rw *w, int open)
{
    fputs(open ? "<div class=\"pair\">\n" : "</div>\n", w->f);
}

static void toc(evg_i_rw *w, int open)
{
    fputs(open ? "<p class=\"toc\">" : "</p>\n", w->f);
}

const evg_i_renderer evg_i_html_renderer = {
    .begin = begin,
    .end = end,
    .heading = heading,
    .para = para,
    .text = text,
    .strong = strong,
    .code = code,
    .link = anchor_link,
    .url = url,
    .list = list,
    .item = item,
    .quote = quote,
    .facts = facts,
    .fact = fact,
    .table = table,
    .row = row,
    .cell = cell,
    .figure = figure,
    .pair = pair,
    .toc = toc,
};
