/* evgraph extract: articles in, one JSON line of events per document out. */
#include <errno.h>
#include <string.h>

#include "cmd.h"

static cli_strlist inputs, lexicons;
static const char *output;
static int help;

static const cli_opt opts[] = {
    {CLI_OPT_OPERANDS, "INPUT", 0, &inputs, NULL,
     "an article file, a folder of *.txt (recursive), - for stdin",
     CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "output", 'o', &output, "FILE",
     "write to FILE, replaced once complete (default: stdout)", 0},
    {CLI_OPT_LIST, "lexicon", 'l', &lexicons, "FILE",
     "add the entries of the JSON lexicon FILE (repeatable)", 0},
    {CLI_OPT_SWITCH, "help", 'h', &help, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

typedef struct {
    cli_extraction *x;
    const evg_lexicon *lexicon;
    evg_error fatal; /* why the batch stopped */
} batch;

/* Write one document's line; a failed write (EVG_EIO) is described in `e`. */
static int write_doc(batch *b, const evg_doc *d, evg_error *e)
{
    int rc = evg_doc_write_json(b->x->out, d, e);

    if (rc == 0 && b->x->flush && fflush(b->x->out) != 0)
        rc = EVG_EIO;
    if (rc == EVG_EIO) {
        e->code = EVG_EIO;
        e->line = e->column = 0;
        snprintf(e->source, sizeof e->source, "%s", b->x->out_name);
        snprintf(e->text, sizeof e->text, "write failed: %s", strerror(errno));
    }
    return rc;
}

/*
 * Extract one article and write its line. An article that cannot be
 * extracted or written (say, a string that is not UTF-8) is reported and
 * skipped; a failed write or no memory stops the batch.
 */
static int on_article(const evg_article *a, void *payload)
{
    batch *b = payload;
    evg_doc *d = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    if ((rc = evg_extract(&d, a, b->lexicon, NULL, &e)) == 0)
        rc = write_doc(b, d, &e);
    if (rc < 0) {
        evg_doc_free(d);
        if (rc == EVG_ENOMEM || rc == EVG_EIO) {
            b->fatal = e;
            return rc;
        }
        if (e.source[0] == '\0')
            snprintf(e.source, sizeof e.source, "%s",
                     evg_article_path(a) ? evg_article_path(a) : evg_article_id(a));
        cli_error(&e);
        b->x->failed++;
        return 0;
    }
    b->x->docs++;
    if (b->x->corpus)
        return evg_corpus_add_doc(b->x->corpus, d, &b->fatal); /* takes `d` */
    evg_doc_free(d);
    return 0;
}

int cli_extract_inputs(cli_extraction *x, const cli_strlist *in, const cli_strlist *lex)
{
    batch b = {x, NULL, {0}};
    evg_ingest_opts io = EVG_INGEST_OPTS_INIT;
    evg_lexicon *lx = NULL;
    evg_error e;
    size_t failed = 0;
    int rc;

    memset(&e, 0, sizeof e);
    if ((rc = evg_lexicon_load(&lx, lex->v, lex->n, &e)) < 0) {
        cli_error(&e);
        return rc;
    }
    b.lexicon = lx;
    io.on_diag = cli_diag;
    rc = evg_ingest_paths(&failed, in->v, in->n, &io, on_article, &b, &e);
    x->failed += failed;
    if (rc < 0)
        cli_error(b.fatal.code ? &b.fatal : &e);
    evg_lexicon_free(lx);
    return rc;
}

static cli_status extract_main(int argc, char **argv)
{
    cli_extraction x = {NULL, NULL, 0, NULL, 0, 0};
    evg_ofile *of = NULL;
    evg_error e;
    cli_status st;

    memset(&e, 0, sizeof e);
    if ((st = cli_parse(&cli_cmd_extract, argc, argv)) != CLI_OK)
        goto cleanup;
    st = CLI_FAILED;
    if (evg_ofile_open(&of, output ? output : "-", &e) < 0) {
        cli_error(&e);
        goto cleanup;
    }
    x.out = evg_ofile_stream(of);
    x.out_name = output && strcmp(output, "-") != 0 ? output : "<stdout>";
    x.flush = output == NULL || strcmp(output, "-") == 0;
    if (cli_extract_inputs(&x, &inputs, &lexicons) < 0)
        goto cleanup; /* the old output file, if any, stays as it was */
    if (x.docs == 0 && x.failed > 0) {
        /* Do not replace a good file with an empty one because of a typo. */
        if (output && strcmp(output, "-") != 0)
            cli_errorf("%s: left as it was: no input could be read", output);
        goto cleanup;
    }
    if (evg_ofile_commit(of, &e) < 0) {
        of = NULL;
        cli_error(&e);
        goto cleanup;
    }
    of = NULL;
    if (x.docs == 0 && x.failed == 0)
        cli_warnf("no articles found in the inputs");
    st = x.failed ? CLI_FAILED : CLI_OK;
cleanup:
    evg_ofile_abort(of);
    cli_opts_free(opts);
    return st;
}

const cli_cmd cli_cmd_extract = {"extract", extract_main, opts,
                                 "extract events from articles as JSON Lines"};
