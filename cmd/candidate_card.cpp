// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate card|cards|shared: profile cards for member companies and where they went
// (#16)
#include "applicants/exchange.hpp"
#include "candidate.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "io/atomic_file.hpp"
#include "match/card_share.hpp"
#include "privacy/files.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct CardOptions {
    std::string key;
    std::optional<std::string> source, company, format, output, lang, date;
    std::optional<std::int64_t> opening;
    bool dry = false;
};

struct CardsOptions {
    std::vector<std::string> companies;
    std::optional<std::int64_t> run;
    std::string output;
    std::optional<std::string> lang, date;
};

struct SharedOptions {
    std::string key;
    std::optional<std::string> source, format;
};

// Return the context of a card in --lang (default documents.lang) on `day`; warn when German texts
// cannot be found.
CardContext card_context(Runtime& rt, const std::optional<std::string>& flag, Date day) {
    const auto lang = rt.documents_language(flag);
    return CardContext{lang, day, rt.config().config.report.network};
}

// Return the form --format names, else the one of the extension of `output` (.html, .htm), else
// Markdown.
CardFormat card_format(const std::optional<std::string>& flag,
                       const std::optional<std::string>& output) {
    if (flag) {
        if (const auto format = parse_card_format(*flag)) {
            return *format;
        }
        throw Error(ErrorKind::usage,
                    _f("--format '{}' is not a form of the card; use md or html", *flag));
    }
    const auto ext = output ? std::filesystem::path(*output).extension() : std::filesystem::path();
    return ext == ".html" || ext == ".htm" ? CardFormat::html : CardFormat::markdown;
}

void run_card(Runtime& rt, const CardOptions& o) {
    const auto format = card_format(o.format, o.output);
    const auto context = card_context(rt, o.lang, reference_day(o.date));
    auto db = rt.open(o.company ? Access::read_write
                                : (o.output ? Access::read_write : Access::read_only));
    const CardRequest request{o.key, o.source, o.opening, o.company};
    const auto made =
        make_card(db, request, WorkRules::shipped(), context.day, dry_run(o.dry),
                  [&](const CandidateCard& card) {
                      const auto text = render_cards({card}, format, context);
                      if (o.output) {
                          write_file_atomically(*o.output, text, FileMode::private_to_owner);
                      } else {
                          rt.print_text(text);
                      }
                  });
    const auto& card = made.card;
    if (o.output && !o.dry) {
        record_written_file(db, *o.output, WrittenKind::card, 1, {card.candidate_id});
        rt.info(_f("wrote the card {} of candidate {} to {} (mode 0600)", card.pseudonym,
                   card.candidate_id, *o.output));
    }
    if (!o.company) {
        rt.info(_("this card is not recorded as shared: hand it to no company; '--for COMPANY' "
                  "records where a card goes"));
        return;
    }
    rt.info(_f("{} card {} of candidate {} with company {}{}",
               verb(o.dry, N_("shared"), N_("would share")), card.pseudonym, card.candidate_id,
               *o.company,
               !made.placement ? std::string()
               : o.dry         ? _f("; placement {} would be introduced", made.placement->id)
                               : _f("; placement {} is now introduced", made.placement->id)));
}

// Return the file of `company`'s cards of `day` in `dir`.
std::filesystem::path cards_file(const std::filesystem::path& dir, const Company& company,
                                 Date day) {
    return dir / fmt::format("cards-{}-{}.html", company.key, day.iso());
}

void run_cards(Runtime& rt, const CardsOptions& o) {
    const auto context = card_context(rt, o.lang, reference_day(o.date));
    const std::filesystem::path dir(o.output);
    auto db = rt.open(Access::read_write);
    const auto done = share_company_cards(
        db, o.companies, o.run, WorkRules::shipped(), context.day, [&](const CompanyCards& c) {
            std::error_code ec; // a folder that cannot be made fails the write below
            std::filesystem::create_directories(dir, ec);
            std::vector<CandidateCard> cards;
            for (const auto& made : c.cards) {
                cards.push_back(made.card);
            }
            write_file_atomically(cards_file(dir, c.company, context.day),
                                  cards_html(cards, context, c.company.name),
                                  FileMode::private_to_owner);
        });
    for (const auto& c : done) {
        for (const auto& left : c.left_out) {
            rt.warn(_f("the card of candidate {} for opening {} was left out: {}",
                       left.candidate_id, left.opening_id, left.reason));
            rt.status = exit_status::partial;
        }
        if (c.cards.empty()) {
            rt.info(_f("company {}: no card to give from match run {}; no file written",
                       c.company.key, c.run_id));
            continue;
        }
        std::vector<std::int64_t> ids;
        for (const auto& made : c.cards) {
            ids.push_back(made.card.candidate_id);
        }
        const auto path = cards_file(dir, c.company, context.day);
        record_written_file(db, path, WrittenKind::card, static_cast<std::int64_t>(ids.size()),
                            ids);
        rt.info(_f("wrote {} card(s) for company {} from match run {} to {} (mode 0600); "
                   "their placements are introduced",
                   ids.size(), c.company.key, c.run_id, path.string()));
    }
}

} // namespace

void setup_candidate_card(CLI::App& group, Runtime& rt) {
    static CardOptions o;
    auto* card = group.add_subcommand("card", _("The pseudonymised profile card a member company "
                                                "may see"));
    bind_candidate(card, o.key, o.source);
    card->add_option("--opening", o.opening, _("The opening the card is for"));
    card->add_option("--for", o.company,
                     _("The member company that gets it: recorded, and the "
                       "placement moves to introduced"));
    card->add_option("--format", o.format, _("md or html (default: by the extension, else md)"));
    card->add_option("--lang", o.lang,
                     _("Language of the card: de or en (default: documents.lang)"));
    card->add_option("-o,--output", o.output, _("Write the card to this file (mode 0600)"));
    card->add_option("--date", o.date, _("Day of the card and its consent check (default: today)"));
    add_dry_run_option(card, o.dry);
    card->callback([&rt] { rt.action = [&rt] { run_card(rt, o); }; });

    static CardsOptions c;
    auto* cards = group.add_subcommand("cards", _("The cards of a company's current proposals, "
                                                  "one printable HTML file per company"));
    cards->add_option("--company", c.companies, _("Company key (repeat for several)"))->required();
    cards->add_option("--run", c.run, _("Match run (default: the last committed one)"));
    cards->add_option("-o,--output", c.output, _("Folder for the files (mode 0600)"))->required();
    cards->add_option("--lang", c.lang,
                      _("Language of the cards: de or en (default: documents.lang)"));
    cards->add_option("--date", c.date, _("Day of the cards and their consent check"));
    cards->callback([&rt] { rt.action = [&rt] { run_cards(rt, c); }; });

    static SharedOptions s;
    auto* shared = group.add_subcommand("shared", _("Where a candidate's profile went (DSGVO Art. "
                                                    "15)"));
    bind_candidate(shared, s.key, s.source);
    add_format_option(shared, s.format);
    shared->callback([&rt] {
        rt.action = [&rt] {
            auto db = rt.open(Access::read_only);
            const auto candidate = require_candidate(db, s.key, s.source);
            rt.print(card_share_records(db, candidate.id), s.format);
        };
    });
}

} // namespace werkstatt::cli
