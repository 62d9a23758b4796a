/* SPDX-License-Identifier: GPL-3.0-or-later
 * The SQL a program runs, for the floor of the report benchmark (run_bench.py --write-floor).
 * Preloaded into werkstatt (LD_PRELOAD; werkstatt uses the system libsqlite3), it appends the
 * text of every statement, with its bound values as literals (sqlite3_expanded_sql), to the file
 * named by TRACE_SQL, once per execution: on the first step after a prepare or reset. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

int sqlite3_step(sqlite3_stmt* stmt) {
    static int (*real_step)(sqlite3_stmt*);
    if (!real_step) {
        real_step = (int (*)(sqlite3_stmt*))dlsym(RTLD_NEXT, "sqlite3_step");
    }
    const char* path = getenv("TRACE_SQL");
    if (path && !sqlite3_stmt_busy(stmt)) {
        char* sql = sqlite3_expanded_sql(stmt);
        FILE* out = fopen(path, "a");
        if (out && sql) {
            fprintf(out, "%s;\n", sql);
        }
        if (out) {
            fclose(out);
        }
        sqlite3_free(sql);
    }
    return real_step(stmt);
}
