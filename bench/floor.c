/*
 * The floor of `make bench`: the least any workbook writer must do for a
 * report of a bilan store — read every answer of every complete response from
 * SQLite and write them as raw-data cells (one row per response, one column
 * per answer key) with libxlsxwriter in constant-memory mode. No statistics,
 * no formats, no charts: what no workbook writer can beat.
 *
 * bilan's internal workbook (`bilan report --format internal`) holds the raw
 * data twice (codes, and labels): with SHEETS = 2 the floor writes the same
 * cells into two sheets, the least any writer of that workbook must do.
 *
 * Build: cc -O2 -o floor floor.c $(pkg-config --cflags --libs xlsxwriter) -lsqlite3
 * Usage: floor STORE.sqlite OUT.xlsx [SHEETS]
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#define MAX_KEYS 4096

static char *keys[MAX_KEYS];
static int key_count = 0;

static int key_column(const char *key) {
    for (int i = 0; i < key_count; i++)
        if (strcmp(keys[i], key) == 0) return i;
    if (key_count == MAX_KEYS) return -1;
    keys[key_count] = strdup(key);
    return key_count++;
}

static int check(lxw_error error, const char *what) {
    if (error != LXW_NO_ERROR) {
        fprintf(stderr, "floor: %s: %s\n", what, lxw_strerror(error));
        exit(3);
    }
    return 0;
}

int main(int argc, char **argv) {
    if (argc != 3 && argc != 4) {
        fprintf(stderr, "usage: floor STORE.sqlite OUT.xlsx [SHEETS]\n");
        return 2;
    }
    int sheet_count = argc == 4 ? atoi(argv[3]) : 1;
    if (sheet_count < 1 || sheet_count > 8) {
        fprintf(stderr, "floor: SHEETS must be 1 to 8, not %s\n", argv[3]);
        return 2;
    }
    sqlite3 *db;
    if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "floor: cannot open %s\n", argv[1]);
        return 1;
    }
    /* Columns: the distinct keys, in first-seen order of a key-sorted scan. */
    sqlite3_stmt *stmt;
    sqlite3_prepare_v2(db, "SELECT DISTINCT key FROM answers ORDER BY key", -1, &stmt, NULL);
    while (sqlite3_step(stmt) == SQLITE_ROW) key_column((const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);

    lxw_workbook_options options = {.constant_memory = LXW_TRUE, .tmpdir = NULL};
    lxw_workbook *workbook = workbook_new_opt(argv[2], &options);
    if (!workbook) {
        fprintf(stderr, "floor: cannot create %s\n", argv[2]);
        return 3;
    }
    lxw_worksheet *sheets[8];
    for (int s = 0; s < sheet_count; s++) {
        char name[16];
        snprintf(name, sizeof name, "Data %d", s + 1);
        lxw_worksheet *sheet = sheets[s] = workbook_add_worksheet(workbook, name);
        check(worksheet_write_string(sheet, 0, 0, "id", NULL), "header");
        for (int i = 0; i < key_count; i++)
            check(worksheet_write_string(sheet, 0, (lxw_col_t)(i + 1), keys[i], NULL), "header");
    }

    sqlite3_prepare_v2(db,
        "SELECT r.uuid, a.key, a.type, a.value FROM responses r JOIN answers a ON a.response_id = r.id "
        "WHERE r.status = 'complete' ORDER BY r.survey_id, r.started_at, r.uuid",
        -1, &stmt, NULL);
    lxw_row_t row = 0;
    char current[64] = "";
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const char *uuid = (const char *)sqlite3_column_text(stmt, 0);
        if (strcmp(uuid, current) != 0) {
            row++;
            snprintf(current, sizeof current, "%s", uuid);
            for (int s = 0; s < sheet_count; s++) check(worksheet_write_string(sheets[s], row, 0, uuid, NULL), "cell");
        }
        int column = key_column((const char *)sqlite3_column_text(stmt, 1)) + 1;
        for (int s = 0; s < sheet_count; s++) {
            switch (sqlite3_column_type(stmt, 3)) {
            case SQLITE_INTEGER:
            case SQLITE_FLOAT:
                check(worksheet_write_number(sheets[s], row, (lxw_col_t)column, sqlite3_column_double(stmt, 3), NULL),
                      "cell");
                break;
            case SQLITE_TEXT:
                check(worksheet_write_string(sheets[s], row, (lxw_col_t)column,
                                             (const char *)sqlite3_column_text(stmt, 3), NULL),
                      "cell");
                break;
            default:
                break;
            }
        }
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    check(workbook_close(workbook), "close");
    printf("%u rows\n", row);
    return 0;
}
