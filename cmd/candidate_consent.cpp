// SPDX-License-Identifier: GPL-3.0-or-later
// werkstatt candidate consent: record a candidate's consent per scope, or its withdrawal.
#include "applicants/consent.hpp"
#include "candidate.hpp"
#include "core/error.hpp"
#include "core/i18n.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

namespace werkstatt::cli {

namespace {

struct CandidateConsentOptions {
    std::string key;
    std::optional<std::string> source;
    std::string scopes;
    std::optional<std::string> until;
    std::optional<std::string> given_on;
    std::string consent_source = "by-hand";
    bool withdraw = false;
    std::optional<std::string> on;
    bool dry = false;
};

// Return the day `value` of `flag` names; throw Error(bad_data) naming it otherwise.
std::optional<Date> day_of(const char* flag, const std::optional<std::string>& value) {
    if (!value) {
        return std::nullopt;
    }
    const auto d = Date::parse(*value);
    if (!d) {
        throw Error(ErrorKind::bad_data, _f("{} '{}' {}; write YYYY-MM-DD or DD.MM.YYYY", flag,
                                            text::display_safe(*value), why_not_a_day(*value)));
    }
    return d;
}

// Return one line per scope of `consents` for people.
std::string describe(const Consent& c) {
    std::string s(to_string(c.scope));
    if (c.given_on) {
        s += " given " + c.given_on->iso();
    }
    s += c.valid_until ? " until " + c.valid_until->iso() : std::string(" until withdrawn");
    if (c.withdrawn_on) {
        s += " withdrawn " + c.withdrawn_on->iso();
    }
    return s;
}

} // namespace

void setup_candidate_consent(CLI::App& group, Runtime& rt) {
    static CandidateConsentOptions o;
    auto* cmd = group.add_subcommand(
        "consent", _("Record a candidate's consent per scope (matching, sharing, reporting)"));
    bind_candidate(cmd, o.key, o.source);
    cmd->add_option("--scope", o.scopes,
                    _("Scopes, comma-separated: matching, sharing, reporting (Vermittlung, "
                      "Weitergabe, Berichte)"))
        ->required();
    cmd->add_option("--until", o.until, _("The last day the consent holds"));
    cmd->add_option("--given-on", o.given_on, _("The day the person consented"));
    cmd->add_option("--consent-source", o.consent_source,
                    _("Where it was recorded: form or by-hand"))
        ->check(CLI::IsMember({"form", "by-hand"}));
    cmd->add_flag("--withdraw", o.withdraw, _("Record that the person withdrew these scopes"));
    cmd->add_option("--on", o.on, _("The day of the withdrawal (default: today)"))
        ->needs(cmd->get_option("--withdraw"));
    add_dry_run_option(cmd, o.dry);
    cmd->callback([&rt] {
        rt.action = [&rt] {
            ConsentChange change;
            change.scopes = parse_scope_list(o.scopes);
            change.given_on = day_of("--given-on", o.given_on);
            change.valid_until = day_of("--until", o.until);
            change.source = *parse_consent_source(o.consent_source);
            change.withdraw = o.withdraw;
            change.withdrawn_on = day_of("--on", o.on);
            auto db = rt.open(Access::read_write);
            const auto out =
                record_consent(db, o.key, o.source, change, Date::today(), dry_run(o.dry));
            for (const auto scope : change.scopes) {
                if (const auto c = find_consent(out.after, scope)) {
                    rt.info(_f("{} candidate {}: {}",
                               verb(o.dry, N_("recorded for"), N_("would record for")),
                               out.candidate_id, describe(*c)));
                }
            }
            if (!out.erased.empty()) {
                rt.info(_f("{} {} of candidate {}: the reporting consent is withdrawn "
                           "(Art. 17 (1) b GDPR)",
                           verb(o.dry, N_("erased"), N_("would erase")),
                           text::join(out.erased, ", "), out.candidate_id));
            }
        };
    });
}

} // namespace werkstatt::cli
