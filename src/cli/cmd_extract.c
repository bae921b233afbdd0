/* evgraph extract: articles in, one JSON line of events per document out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

static cli_strlist inputs, lexicons, officials;
static const char *output, *jobs;
static int help;

static const cli_opt opts[] = {
    {CLI_OPT_OPERANDS, "INPUT", 0, &inputs, NULL,
     "an article file, a JSON Lines file of articles (*.jsonl), a folder of them "
     "(recursive), - for stdin",
     CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "output", 'o', &output, "FILE",
     "write to FILE, replaced once complete (default: stdout); FILE.db: add the "
     "documents to that event store, replacing those of the same id",
     0},
    {CLI_OPT_LIST, "lexicon", 'l', &lexicons, "FILE",
     "add the entries of the JSON lexicon FILE (repeatable)", 0},
    {CLI_OPT_LIST, "officials", 0, &officials, "FILE", CLI_OFFICIALS_HELP, 0},
    {CLI_OPT_VALUE, "jobs", 'j', &jobs, "N",
     "extract on N threads, 0 for one per processor (default 1); same output", 0},
    {CLI_OPT_SWITCH, "help", 'h', &help, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

typedef struct {
    cli_extraction *x;
    evg_error fatal; /* why the batch stopped */
} batch;

/* "evgraph: 12034 articles, 11.2 MB, 9.8 MB/s, ETA 1 s" on a terminal. */
static void on_progress(size_t docs, size_t bytes, size_t total, void *payload)
{
    (void)payload;
    cli_progress_rate("articles", docs, bytes, total);
}

/* Write one document's line or store it (and keep the document for `run`). */
static int on_doc(evg_doc *d, const char *line, size_t len, void *payload)
{
    batch *b = payload;
    int rc = 0;

    if (b->x->store && (rc = evg_store_put(b->x->store, d, &b->fatal)) < 0) {
        evg_doc_free(d);
        return rc;
    }
    if (b->x->out && (fwrite(line, 1, len, b->x->out) != len ||
                      (b->x->flush && fflush(b->x->out) != 0))) {
        evg_doc_free(d);
        b->fatal.code = EVG_EIO;
        snprintf(b->fatal.source, sizeof b->fatal.source, "%s", b->x->out_name);
        snprintf(b->fatal.text, sizeof b->fatal.text, "write failed: %s",
                 strerror(errno));
        return EVG_EIO;
    }
    b->x->docs++;
    if (b->x->corpus)
        rc = evg_corpus_add_doc(b->x->corpus, d, &b->fatal); /* takes `d` */
    else
        evg_doc_free(d);
    return rc;
}

int cli_parse_jobs(unsigned *out, const char *value)
{
    char *end;
    long n;

    *out = 1;
    if (value == NULL)
        return 0;
    errno = 0;
    n = strtol(value, &end, 10);
    if (errno || end == value || *end || n < 0 || n > 1024)
        return -1;
    if (n == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = cpus > 0 ? cpus : 1;
    }
    *out = (unsigned)n;
    return 0;
}

int cli_extract_inputs(cli_extraction *x, const cli_strlist *in, const cli_strlist *lex,
                       const cli_strlist *off)
{
    batch b;
    evg_extract_run_opts ro = EVG_EXTRACT_RUN_OPTS_INIT;
    evg_lexicon *lx = NULL;
    evg_error e;
    size_t failed = 0;
    int rc;

    memset(&b, 0, sizeof b);
    memset(&e, 0, sizeof e);
    b.x = x;
    cli_progress_begin();
    if ((rc = evg_lexicon_load(&lx, lex->v, lex->n, &e)) < 0) {
        cli_error(&e);
        return rc;
    }
    for (size_t i = 0; i < off->n; i++)
        if ((rc = evg_lexicon_add_officials(lx, off->v[i], &e)) < 0) {
            cli_error(&e);
            evg_lexicon_free(lx);
            return rc;
        }
    ro.threads = x->threads;
    /* `run` keeps the documents, a store takes them, `extract` writes their lines */
    ro.lines_only = x->corpus == NULL && x->store == NULL;
    ro.skip = x->skip;
    ro.on_diag = cli_diag;
    ro.on_progress = cli_progress_on() ? on_progress : NULL;
    rc = evg_extract_paths(&failed, in->v, in->n, lx, &ro, on_doc, &b, &e);
    cli_progress_clear(); /* the progress line goes away */
    x->failed += failed;
    if (rc < 0)
        cli_error(b.fatal.code ? &b.fatal : &e);
    evg_lexicon_free(lx);
    return rc;
}

static int reads_stdin(const cli_strlist *in)
{
    for (size_t i = 0; i < in->n; i++)
        if (strcmp(in->v[i], "-") == 0)
            return 1;
    return 0;
}

/*
 * extract -o FILE.db: every document into the store, in one transaction,
 * committed once the batch is done: a batch that stops leaves it as it was.
 */
static cli_status extract_to_store(cli_extraction *x, const char *path)
{
    evg_error e;
    cli_status st = CLI_FAILED;

    memset(&e, 0, sizeof e);
    if (evg_store_open(&x->store, path, &e) < 0) {
        cli_error(&e);
        return CLI_FAILED;
    }
    x->out_name = path;
    x->skip = path;
    if (cli_extract_inputs(x, &inputs, &lexicons, &officials) < 0)
        goto cleanup; /* rolled back: the store stays as it was */
    if (x->docs == 0 && x->failed > 0) {
        cli_errorf("%s: left as it was: no input could be read", path);
        goto cleanup;
    }
    if (evg_store_commit(x->store, &e) < 0) {
        x->store = NULL;
        cli_error(&e);
        goto cleanup;
    }
    x->store = NULL;
    if (x->docs == 0 && x->failed == 0)
        cli_warnf("no articles found in the inputs");
    st = x->failed ? CLI_FAILED : CLI_OK;
cleanup:
    evg_store_abort(x->store);
    x->store = NULL;
    return st;
}

static cli_status extract_main(int argc, char **argv)
{
    cli_extraction x = {NULL, NULL, 0, NULL, 0, 0, 1, NULL, NULL};
    evg_ofile *of = NULL;
    evg_error e;
    const cli_strlist *const in[] = {&inputs, &lexicons, &officials, NULL};
    cli_status st;

    memset(&e, 0, sizeof e);
    if ((st = cli_parse(&cli_cmd_extract, argc, argv)) != CLI_OK)
        goto cleanup;
    if (cli_parse_jobs(&x.threads, jobs) < 0) {
        st = cli_usage_error(&cli_cmd_extract, "--jobs: expected a number of threads");
        goto cleanup;
    }
    if (cli_check_output(&cli_cmd_extract, output ? output : "-", in, NULL, &st) < 0)
        goto cleanup;
    st = CLI_FAILED;
    if (evg_store_is_path(output)) {
        st = extract_to_store(&x, output);
        goto cleanup;
    }
    if (evg_ofile_open(&of, output ? output : "-", &e) < 0) {
        cli_error(&e);
        goto cleanup;
    }
    x.out = evg_ofile_stream(of);
    x.out_name = output && strcmp(output, "-") != 0 ? output : "<stdout>";
    /* "extract coll -o coll/events.jsonl" again: last time's output is no input */
    x.skip = output && strcmp(output, "-") != 0 ? output : NULL;
    /* A filter reading stdin shows each line at once; a batch of files is written
     * in full buffers, not one write per article. */
    x.flush = x.out == stdout && reads_stdin(&inputs); /* -o -, or /dev/stdout */
    if (cli_extract_inputs(&x, &inputs, &lexicons, &officials) < 0)
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
                                 "extract events from articles as JSON Lines", NULL};
