#include <stdio.h>
#include <string.h>

#include "graph/igraph_boundary.h"
#include "util/jscratch.h"

static _Thread_local char ig_reason[256];

/*
 * igraph calls the handler once per level it unwinds; only the innermost
 * call carries the message, so keep the first non-empty one.
 */
static void igraph_hook(const char *reason, const char *file, int line,
                        igraph_error_t code)
{
    (void)code;
    if (ig_reason[0] == '\0' && reason && reason[0])
        snprintf(ig_reason, sizeof ig_reason, "%.200s (%s:%d)", reason, file, line);
    IGRAPH_FINALLY_FREE(); /* `reason` may be invalid after this */
}

static void warning_hook(const char *reason, const char *file, int line)
{
    (void)reason, (void)file,
        (void)line; /* convergence notes are not our users' business */
}

void evg_i_igraph_init(void)
{
    igraph_set_error_handler(igraph_hook);
    igraph_set_warning_handler(warning_hook);
}

int evg_i_from_igraph(igraph_error_t code, evg_error *err)
{
    int rc = code == IGRAPH_ENOMEM ? EVG_ENOMEM : EVG_EGRAPH;

    evg_i_error_set(err, rc, NULL, 0, 0, "igraph: %s",
                    ig_reason[0] ? ig_reason : igraph_strerror(code));
    ig_reason[0] = '\0';
    return rc;
}

int evg_global_init(void)
{
    evg_i_igraph_init();
    evg_i_jscratch_install();
    return 0;
}
