/*
 * The GraphML reader of `evgraph query`: any bytes as the one *.graphml
 * source. A file that is not a full graph evgraph wrote is refused with an
 * error naming it; one that loads answers questions, or refuses the one that
 * needs scores it was written without (`top` of a graph built with
 * --measures none), with an error naming it. Anything else is a fault.
 */
#include <string.h>

#include "fuzz_common.h"

static const char *path;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    evg_global_init();
    path = fuzz_tmp_path(".graphml");
    FUZZ_CHECK((devnull = fopen("/dev/null", "wb")) != NULL, "/dev/null opens");
    return 0;
}

static void ask(evg_query *q, evg_query_command c, const char *subject, const char *other)
{
    evg_query_request req = EVG_QUERY_REQUEST_INIT;
    evg_query_result *r = NULL;
    evg_error e;
    int rc;

    req.command = c;
    req.subject = subject;
    req.other = other;
    memset(&e, 0, sizeof e);
    rc = evg_query_run(&r, q, &req, &e);
    if (rc < 0) {
        /* a correct refusal: the measure `top` ranks by is not in the file */
        FUZZ_CHECK(rc == EVG_ENOTFOUND && c == EVG_QUERY_TOP,
                   "a loaded graph answers, or lacks the scores asked for");
        FUZZ_CHECK(r == NULL, "a refusal gives no answer");
        fuzz_check_error(&e, rc, path, 0);
        return;
    }
    FUZZ_CHECK(r != NULL, "an answer is given");
    FUZZ_CHECK(evg_query_result_write(devnull, r, EVG_QUERY_JSON, &e) == 0,
               "an answer is written");
    evg_query_result_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    evg_query_load_opts lo = EVG_QUERY_LOAD_OPTS_INIT;
    evg_query *q = NULL;
    size_t failed = 0;
    evg_error e;
    int rc;

    fuzz_write_file(path, data, size);
    memset(&e, 0, sizeof e);
    lo.on_diag = fuzz_check_diag;
    rc = evg_query_load(&q, &failed, &path, 1, &lo, &e);
    if (rc < 0) {
        FUZZ_CHECK(rc != EVG_ENOMEM, "no allocation fails here");
        FUZZ_CHECK(e.text[0] != '\0', "the error says what is wrong");
        FUZZ_CHECK(strstr(e.source, "input.graphml") || strstr(e.text, "input.graphml"),
                   "the error names the file");
        return 0;
    }
    ask(q, EVG_QUERY_STATS, NULL, NULL);
    ask(q, EVG_QUERY_TOP, NULL, NULL);
    ask(q, EVG_QUERY_MEETINGS, NULL, NULL);
    ask(q, EVG_QUERY_AGREEMENTS, NULL, NULL);
    ask(q, EVG_QUERY_WHO_MET, "Ana Lind", NULL);
    ask(q, EVG_QUERY_PATH, "Ana Lind", "Jon Berg");
    evg_query_free(q);
    return 0;
}
