/*
 * The query command line: any bytes as the arguments of `evgraph query`
 * after one source, one argument per line. The first byte picks the source:
 * the events of the sample articles, or the GraphML evgraph wrote of them
 * (graphs/ in the source tree). Whatever the arguments, the command answers,
 * or says what is wrong with a usage error or a failure; it never crashes.
 *
 * Arguments that could reach outside a scratch folder (a '/', ".", "..",
 * "-" for standard input) are dropped; the command runs in that folder, so
 * what `ego -o FILE` writes lands there, and is removed after each input.
 */
#include <dirent.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "fuzz_common.h"

#define MAX_ARGS 48

static char work[256];

static void clean_work(void);

static void remove_work(void)
{
    clean_work();
    if (chdir("/") == 0)
        rmdir(work);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const char *base = getenv("TMPDIR");

    (void)argc;
    (void)argv;
    evg_global_init();
    /* The answers are not looked at; errors stay on standard error. */
    FUZZ_CHECK(freopen("/dev/null", "w", stdout) != NULL, "stdout to /dev/null");
    snprintf(work, sizeof work, "%s/evg-fuzz-query-XXXXXX",
             base && *base ? base : "/tmp");
    FUZZ_CHECK(mkdtemp(work) != NULL, "a scratch folder");
    FUZZ_CHECK(chdir(work) == 0, "into the scratch folder");
    atexit(remove_work);
    return 0;
}

/* Remove what the command wrote in the scratch folder. */
static void clean_work(void)
{
    DIR *d = opendir(".");
    struct dirent *de;

    FUZZ_CHECK(d != NULL, "the scratch folder lists");
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            unlink(de->d_name);
    closedir(d);
}

static int safe(const char *arg)
{
    return strchr(arg, '/') == NULL && strcmp(arg, ".") != 0 && strcmp(arg, "..") != 0 &&
           strcmp(arg, "-") != 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const sources[] = {EVG_FUZZ_SOURCE_DIR "/graphs/events.jsonl",
                                          EVG_FUZZ_SOURCE_DIR "/graphs/graph.graphml"};
    char *text, *argv[MAX_ARGS + 3], *p, *end;
    int argc = 0;
    cli_status st;

    if (size == 0)
        return 0;
    if ((text = malloc(size)) == NULL)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    argv[argc++] = "query";
    argv[argc++] = (char *)sources[data[0] & 1];
    /* One argument per line; NUL ends an argument too, as it would in argv. */
    for (p = text, end = text + size - 1; p <= end && argc < MAX_ARGS + 2;) {
        char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl)
            *nl = '\0';
        if (safe(p))
            argv[argc++] = p;
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    argv[argc] = NULL;
    st = cli_cmd_query.entry(argc, argv);
    FUZZ_CHECK(st == CLI_OK || st == CLI_HELP || st == CLI_FAILED || st == CLI_USAGE,
               "a status main() knows");
    clean_work();
    free(text);
    return 0;
}
