/* Requests in, results out: the command table, name resolution, the result handle. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_internal.h"
#include "util/optsinit.h"
#include "util/membuf.h"

EVG_I_OPTS_INIT_FN(evg_query_request_init, evg_query_request, EVG_QUERY_REQUEST_VERSION,
                   EVG_QUERY_REQUEST_INIT)

/* The one table of query commands (query_internal.h: evg_i_qcommand). */
static const evg_i_qcommand COMMANDS[EVG_QUERY__COUNT] = {
    [EVG_QUERY_WHO_MET] = {"who-met", 1, "PERSON", 1, evg_i_q_who_met, &EVG_I_QL_WHO_MET},
    [EVG_QUERY_MEETINGS] = {"meetings", 0, "", 1, evg_i_q_meetings, &EVG_I_QL_MEETINGS},
    [EVG_QUERY_BETWEEN] = {"between", 2, "A B", 1, evg_i_q_between, &EVG_I_QL_BETWEEN},
    [EVG_QUERY_PATH] = {"path", 2, "A B", 1, evg_i_q_path, &EVG_I_QL_PATH},
    [EVG_QUERY_EGO] = {"ego", 1, "PERSON", 0, evg_i_q_ego, &EVG_I_QL_EGO},
    [EVG_QUERY_TOP] = {"top", 0, "", 0, evg_i_q_top, &EVG_I_QL_TOP},
    [EVG_QUERY_AGREEMENTS] = {"agreements", 0, "", 1, evg_i_q_agreements,
                              &EVG_I_QL_AGREEMENTS},
    [EVG_QUERY_PERSON] = {"person", 1, "PERSON", 1, evg_i_q_person_cmd, &EVG_I_QL_PERSON},
    [EVG_QUERY_STATS] = {"stats", 0, "", 0, evg_i_q_stats, &EVG_I_QL_STATS},
};

const evg_i_qcommand *evg_i_q_command(evg_query_command c)
{
    return &COMMANDS[c];
}

int evg_query_command_operands(evg_query_command c, const char **usage_out)
{
    if ((size_t)c >= EVG_QUERY__COUNT)
        return EVG_EINVAL;
    if (usage_out)
        *usage_out = COMMANDS[c].usage;
    return (int)COMMANDS[c].operands;
}

int evg_query_command_filters(evg_query_command c)
{
    return (size_t)c < EVG_QUERY__COUNT && COMMANDS[c].filters;
}

const char *evg_query_command_name(evg_query_command c)
{
    return (size_t)c < EVG_QUERY__COUNT ? COMMANDS[c].name : "unknown";
}

const char *evg_query_command_nearest(const char *name)
{
    size_t best = 3, d;
    const char *near = NULL;

    for (size_t i = 0; name && i < EVG_QUERY__COUNT; i++)
        if ((d = evg_i_q_distance(name, strlen(name), COMMANDS[i].name,
                                  strlen(COMMANDS[i].name), 2)) < best) {
            best = d;
            near = COMMANDS[i].name;
        }
    return near;
}

int evg_query_command_from_name(evg_query_command *out, const char *name)
{
    for (size_t i = 0; name && i < EVG_QUERY__COUNT; i++)
        if (strcmp(COMMANDS[i].name, name) == 0) {
            *out = (evg_query_command)i;
            return 0;
        }
    return EVG_EINVAL;
}

json_t *evg_i_q_doc(const evg_i_qctx *c)
{
    json_t *doc = json_object();

    if (evg_i_q_set(doc, "command", json_string(COMMANDS[c->req->command].name)) < 0 ||
        evg_i_q_set(doc, "query", evg_i_q_echo(c->req)) < 0) {
        json_decref(doc);
        return NULL;
    }
    return doc;
}

/* The result becomes the list of the vertices `name` may mean. */
static int ambiguous(evg_i_qctx *c, const char *name, const size_t *v, size_t n)
{
    json_t *doc = evg_i_q_doc(c), *list = json_array();
    int fail = doc == NULL;

    for (size_t i = 0; i < n && !fail; i++)
        fail = evg_i_q_push(list, evg_i_q_entity(c->q, v[i])) < 0;
    fail |= evg_i_q_set(doc, "error", json_string("ambiguous")) < 0;
    fail |= evg_i_q_set(doc, "name", json_string(name)) < 0;
    fail |= evg_i_q_set(doc, "candidates", list) < 0;
    if (fail) {
        json_decref(doc);
        return evg_i_error_nomem(c->err);
    }
    json_decref(c->r->doc);
    c->r->doc = doc;
    c->r->outcome = EVG_QUERY_AMBIGUOUS;
    c->r->count = n;
    return EVG_I_QAMBIGUOUS;
}

/* "no person named 'Jame Baker'; did you mean 'James Baker'?" */
static int note_unmatched(evg_i_qctx *c, const char *name, unsigned types)
{
    size_t near[3], n = evg_i_q_suggest(near, 3, c->q, name, types);
    const char *what = types == EVG_I_QPERSON    ? "person"
                       : types == EVG_I_QCOUNTRY ? "country"
                                                 : "person or country";
    evg_i_buf b = EVG_I_BUF_INIT;
    int fail;

    fail = evg_i_buf_printf(&b, "no %s named '%s'", what, name) < 0;
    for (size_t i = 0; i < n && !fail; i++)
        fail = evg_i_buf_printf(&b, "%s'%s'", i == 0 ? "; did you mean " : " or ",
                                evg_i_q_v(c->q, near[i])->label) < 0;
    fail = fail || (n && evg_i_buf_putc(&b, '?') < 0) ||
           evg_i_grow((void **)&c->r->notes, &c->r->capnotes, c->r->nnotes + 1,
                      sizeof(*c->r->notes)) < 0;
    if (fail) {
        evg_i_buf_free(&b);
        return evg_i_error_nomem(c->err);
    }
    c->r->notes[c->r->nnotes++] = evg_i_buf_detach(&b);
    return 0;
}

int evg_i_q_resolve(size_t *out, evg_i_qctx *c, const char *name, unsigned types)
{
    size_t *v = NULL, n = 0;
    int rc;

    *out = SIZE_MAX;
    if (name == NULL)
        return 0;
    if (evg_i_q_match(&v, &n, c->q, name, types) < 0)
        return evg_i_error_nomem(c->err);
    if (n == 1)
        *out = v[0];
    rc = n > 1 ? ambiguous(c, name, v, n) : n == 0 ? note_unmatched(c, name, types) : 0;
    free(v);
    return rc;
}

/* What every command needs; the rest is checked by the command. */
static int check(const evg_query_request *req, evg_error *err)
{
    evg_query_command c;

    if (req == NULL || req->version != EVG_QUERY_REQUEST_VERSION)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unsupported query request");
    if ((size_t)req->command >= EVG_QUERY__COUNT)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown query command %d",
                               (int)req->command);
    c = req->command;
    if (COMMANDS[c].operands == 1 && req->subject == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "%s needs a person",
                               COMMANDS[c].name);
    if (COMMANDS[c].operands == 2 && (req->subject == NULL || req->other == NULL))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "%s needs two names",
                               COMMANDS[c].name);
    return 0;
}

int evg_query_run(evg_query_result **out, evg_query *q, const evg_query_request *req,
                  evg_error *err)
{
    evg_i_qctx c;
    int rc;

    *out = NULL;
    if ((rc = check(req, err)) < 0)
        return rc;
    memset(&c, 0, sizeof c);
    c.q = q;
    c.req = req;
    c.err = err;
    if ((c.r = calloc(1, sizeof(*c.r))) == NULL)
        return evg_i_error_nomem(err);
    c.r->command = req->command;
    c.r->outcome = EVG_QUERY_ANSWER;
    rc = COMMANDS[req->command].run(&c);
    evg_i_q_filter_free(&c.f);
    if (rc == 0 && c.r->doc == NULL)
        rc = evg_i_error_nomem(err);
    if (rc < 0) {
        evg_query_result_free(c.r);
        return rc;
    }
    *out = c.r;
    return 0;
}

evg_query_outcome evg_query_result_outcome(const evg_query_result *r)
{
    return r->outcome;
}

size_t evg_query_result_count(const evg_query_result *r)
{
    return r->count;
}

size_t evg_query_result_note_count(const evg_query_result *r)
{
    return r ? r->nnotes : 0;
}

const char *evg_query_result_note(const evg_query_result *r, size_t i)
{
    return r && i < r->nnotes ? r->notes[i] : NULL;
}

const evg_graph *evg_query_result_graph(const evg_query_result *r)
{
    return r->outcome == EVG_QUERY_ANSWER ? r->graph : NULL;
}

int evg_query_result_write(FILE *f, const evg_query_result *r, evg_query_format fmt,
                           evg_error *err)
{
    return evg_i_q_write(f, r, fmt, err);
}

void evg_query_result_free(evg_query_result *r)
{
    if (r == NULL)
        return;
    json_decref(r->doc);
    evg_graph_free(r->graph);
    for (size_t i = 0; i < r->nnotes; i++)
        free(r->notes[i]);
    free(r->notes);
    free(r);
}

typedef struct {
    const evg_query_result *r;
    evg_query_format fmt;
} result_call;

static int result_to(FILE *f, const void *payload, evg_error *err)
{
    const result_call *c = payload;
    return evg_query_result_write(f, c->r, c->fmt, err);
}

int evg_query_result_write_buffer(char **out, size_t *len_out, const evg_query_result *r,
                                  evg_query_format fmt, evg_error *err)
{
    result_call c = {r, fmt};
    return evg_i_write_to_buffer(out, len_out, result_to, &c, err);
}
