/* evgraph convert: event records from JSON Lines to an event store and back. */
#include <string.h>

#include "cmd.h"

static cli_strlist inputs;
static const char *output;
static int help;

static const cli_opt opts[] = {
    {CLI_OPT_OPERANDS, "SOURCE", 0, &inputs, NULL,
     "output of 'evgraph extract': JSON Lines (a file, - for stdin) or an event store "
     "(FILE.db)",
     CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "output", 'o', &output, "FILE",
     "FILE.db: add the documents to that event store (created when missing), replacing "
     "those of the same id; any other name: write them as JSON Lines, replaced once "
     "complete; - for stdout (default)",
     0},
    {CLI_OPT_SWITCH, "help", 'h', &help, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

/* Read every source into `c`; unreadable sources and bad records are reported and
 * counted. Returns 0, or EVG_ENOMEM (printed). */
static int read_sources(size_t *failed_out, evg_corpus *c)
{
    evg_read_opts ro = EVG_READ_OPTS_INIT;

    ro.on_diag = cli_diag;
    for (size_t i = 0; i < inputs.n; i++) {
        evg_error e;
        size_t bad = 0;
        int rc;
        memset(&e, 0, sizeof e);
        rc = evg_corpus_read_events(&bad, c, inputs.v[i], &ro, &e);
        cli_diag_flush();
        *failed_out += bad;
        if (rc < 0)
            cli_error(&e);
        if (rc == EVG_ENOMEM)
            return rc;
        if (rc < 0)
            (*failed_out)++;
    }
    return 0;
}

/* Every document of `c` into the store `path`, in one transaction. */
static int write_store(const evg_corpus *c, const char *path)
{
    evg_store *s = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    rc = evg_store_open(&s, path, &e);
    for (size_t i = 0; rc == 0 && i < evg_corpus_doc_count(c); i++)
        rc = evg_store_put(s, evg_corpus_doc(c, i), &e);
    if (rc == 0) {
        rc = evg_store_commit(s, &e);
        s = NULL;
    }
    if (rc < 0)
        cli_error(&e);
    evg_store_abort(s); /* on failure the store stays as it was */
    return rc;
}

/* Every document of `c` as JSON Lines into `path` ("-": stdout), atomically. */
static int write_lines(const evg_corpus *c, const char *path)
{
    evg_ofile *of = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    rc = evg_ofile_open(&of, path, &e);
    for (size_t i = 0; rc == 0 && i < evg_corpus_doc_count(c); i++)
        rc = evg_doc_write_json(evg_ofile_stream(of), evg_corpus_doc(c, i), &e);
    if (rc == 0) {
        rc = evg_ofile_commit(of, &e);
        of = NULL;
    }
    if (rc < 0)
        cli_error(&e);
    evg_ofile_abort(of);
    return rc;
}

static cli_status convert_main(int argc, char **argv)
{
    const cli_strlist *const in[] = {&inputs, NULL};
    const char *out = "-";
    evg_corpus *c = NULL;
    evg_error e;
    size_t failed = 0;
    cli_status st;

    memset(&e, 0, sizeof e);
    if ((st = cli_parse(&cli_cmd_convert, argc, argv)) != CLI_OK)
        goto cleanup;
    out = output ? output : "-";
    if (cli_check_output(&cli_cmd_convert, out, in, NULL, &st) < 0)
        goto cleanup;
    st = CLI_FAILED;
    if (evg_corpus_new(&c, &e) < 0) {
        cli_error(&e);
        goto cleanup;
    }
    if (read_sources(&failed, c) < 0)
        goto cleanup;
    if (evg_corpus_doc_count(c) == 0 && failed > 0) {
        if (strcmp(out, "-") != 0)
            cli_errorf("%s: left as it was: no source could be read", out);
        goto cleanup;
    }
    if ((evg_store_is_path(out) ? write_store(c, out) : write_lines(c, out)) < 0)
        goto cleanup;
    st = failed ? CLI_FAILED : CLI_OK;
cleanup:
    evg_corpus_free(c);
    cli_opts_free(opts);
    return st;
}

const cli_cmd cli_cmd_convert = {
    "convert", convert_main, opts,
    "convert event records between JSON Lines and an event store (FILE.db)", NULL};
