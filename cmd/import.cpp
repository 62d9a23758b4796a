// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt import list|undo, and the `import` subcommand shared by `candidate` and `opening`.
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "import/importer.hpp"
#include "privacy/files.hpp"

#include <chrono>
#include <fmt/format.h>
#include <unistd.h>

namespace werkstatt::cli {

namespace {

struct ImportOptions {
    std::string file;
    std::string profile;
    std::optional<std::string> source;
    std::optional<std::string> encoding;
    std::optional<std::string> sheet;
    std::optional<std::string> rejects;
    bool strict = false;
    bool dry = false;
};

// A progress line on a terminal: rows, rows per second, share of the file's bytes.
class ProgressLine {
  public:
    explicit ProgressLine(bool on) : m_on(on), m_start(std::chrono::steady_clock::now()) {}
    void update(const ImportProgress& p) {
        if (!m_on) {
            return;
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
        const double rate = seconds > 0 ? static_cast<double>(p.rows) / seconds : 0;
        const double share = p.total_bytes > 0 ? 100.0 * static_cast<double>(p.bytes) /
                                                     static_cast<double>(p.total_bytes)
                                               : 0;
        std::fprintf(stderr, "\r%10zu rows  %8.0f rows/s  %3.0f%%", p.rows, rate, share);
        std::fflush(stderr);
        m_drawn = true;
    }
    ~ProgressLine() {
        if (m_drawn) {
            std::fprintf(stderr, "\r%50s\r", "");
        }
    }

  private:
    bool m_on;
    bool m_drawn = false;
    std::chrono::steady_clock::time_point m_start;
};

void report(Runtime& rt, const ImportResult& r, const ImportOptions& o) {
    for (const auto& p : r.problems) {
        rt.warn(p);
    }
    if (r.problem_count > r.problems.size()) {
        rt.warn(_f("... and {} more problems{}", r.problem_count - r.problems.size(),
                   o.rejects ? fmt::format("; all rejected rows are in {}", *o.rejects)
                             : "; write them all with --rejects FILE"));
    }
    for (const auto& w : r.warnings) {
        rt.warn(w);
    }
    const auto& b = r.batch;
    const auto counts = fmt::format("read {}, inserted {}, updated {}, unchanged {}, rejected {}",
                                    b.rows_read, b.inserted, b.updated, b.unchanged, b.rejected);
    if (r.refused != ImportRefusal::none) {
        throw Error(ErrorKind::bad_data,
                    _f("nothing imported from {} ({}){}; fix the rows and import again", r.input,
                       counts, r.refused == ImportRefusal::strict ? " because of --strict" : ""));
    }
    if (r.sheet.empty()) {
        rt.info(_f("{} {} (profile {}, {}, delimiter {}): {}{}",
                   verb(o.dry, N_("imported"), N_("would import")), r.input, b.profile, b.encoding,
                   r.delimiter, counts, r.written ? fmt::format("; batch {}", b.id) : ""));
    } else {
        rt.info(_f("{} {} (profile {}, sheet {}): {}{}",
                   verb(o.dry, N_("imported"), N_("would import")), r.input, b.profile, r.sheet,
                   counts, r.written ? fmt::format("; batch {}", b.id) : ""));
    }
    rt.status = b.rejected > 0 ? exit_status::partial : exit_status::ok;
}

} // namespace

void add_import_command(CLI::App& group, Runtime& rt, const std::string& default_profile,
                        RecordKind kind) {
    auto o = std::make_shared<ImportOptions>();
    o->profile = default_profile;
    auto* cmd = group.add_subcommand("import", _("Import a CSV file (exit 0: all rows, 1: some "
                                                 "rejected, 65: none)"));
    cmd->add_option("FILE", o->file, _("CSV file, Excel workbook (.xlsx), or - for standard input"))
        ->required();
    cmd->add_option("--profile", o->profile, _f("Import profile (default {})", default_profile));
    cmd->add_option("--source", o->source, _("Source label of the records, e.g. jc-magdeburg"));
    cmd->add_option("--encoding", o->encoding,
                    _("utf-8, windows-1252, utf-16le or utf-16be (default: detected)"));
    cmd->add_option("--sheet", o->sheet, _("The workbook's sheet to read (default: the first)"));
    cmd->add_option("--rejects", o->rejects, _("Write rejected rows with an error column here"));
    cmd->add_flag("--strict", o->strict, _("Import nothing if any row is bad"));
    add_dry_run_option(cmd, o->dry);
    cmd->callback([&rt, o, kind] {
        rt.action = [&rt, o, kind] {
            ImportRequest request;
            request.file = o->file;
            request.profile = find_profile(rt.config().config.import_profiles, o->profile);
            request.expected_kind = kind;
            request.source = o->source;
            request.encoding = o->encoding;
            request.sheet = o->sheet;
            request.dry_run = dry_run(o->dry);
            request.strict = o->strict ? Strict::yes : Strict::no;
            if (o->rejects) {
                request.rejects = *o->rejects;
            }
            ProgressLine progress(!rt.global.quiet && isatty(STDERR_FILENO) != 0);
            request.progress = [&progress](const ImportProgress& p) { progress.update(p); };
            auto db = rt.open(Access::read_write);
            const auto result = run_import(db, request);
            // The rejected rows are persons' data in a file: recorded for `privacy files` and
            // `candidate remove` when the import was written (a dry run or a refused import
            // writes the file but leaves the database as it was).
            if (o->rejects && kind == RecordKind::candidate && result.batch.rejected > 0 &&
                result.written) {
                record_written_file(db, *o->rejects, WrittenKind::rejects, result.batch.rejected);
            }
            report(rt, result, *o);
        };
    });
}

void setup_import(CLI::App& app, Runtime& rt) {
    static std::optional<std::string> format;
    static std::int64_t batch = 0;
    static bool dry = false;
    auto* group = app.add_subcommand("import", _("Import batches: list them, undo one"));
    group->require_subcommand(1);
    auto* list = group->add_subcommand("list", _("List import batches, newest first"));
    add_format_option(list, format);
    list->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            rt.print(batch_records(list_batches(db)), format);
        };
    });
    auto* undo = group->add_subcommand("undo", _("Take back what one batch inserted and changed"));
    undo->add_option("BATCH", batch, _("Batch id"))->required();
    add_dry_run_option(undo, dry);
    undo->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_write);
            const auto r = undo_import(db, batch, dry_run(dry));
            rt.info(_f("{} batch {} ({}): deleted {}, restored {}",
                       verb(dry, N_("undid"), N_("would undo")), batch, r.batch.file_name,
                       r.deleted, r.restored));
            warn_if_not_scrubbed(rt, db, r.scrubbed);
        };
    });
}

} // namespace werkstatt::cli
