#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Build a small database of ESF+ facts for the report tests: 64 candidates (imported with the
# BA profile) and 6 member companies, spread so that many cells are small (non-binary and
# unrecorded gender, few long-term unemployed, few homeless, ...), with missing facts of every
# kind. Deterministic: the same run gives the same database.
#
# Usage: WERKSTATT=path/to/werkstatt esf_facts.sh DB
#
# Every fact is set with werkstatt's own commands (import, `candidate edit`, `candidate exit`,
# `candidate follow-up`, `company edit`), so the database holds only what a user can make.
set -eu
: "${WERKSTATT:?set WERKSTATT to the werkstatt binary}"
DB=${1:?usage: esf_facts.sh DB}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/esf-facts-XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# Run werkstatt quietly; on failure show what it said and stop.
w() { "$WERKSTATT" --db "$DB" "$@" >"$TMP/log" 2>&1 || { cat "$TMP/log" >&2; exit 1; }; }

w init
w company add --key elbe --name "Elbe Logistik GmbH" --plz 39104
w company add --key saale --name "Saale-Pflege gGmbH" --plz 06108
w company add --key harz --name "Harzer Metall AG" --plz 38855
w company add --key boerde --name "Börde Bau GmbH" --plz 39340
w company add --key anhalt --name "Anhalt Chemie SE" --plz 06844
w company add --key alt --name "Altmark Holz KG" --plz 29410

csv="$TMP/candidates.csv"
printf '%s\n' 'Referenznummer;Geschlecht;Vorname;Nachname;Geburtsdatum;Staatsangehörigkeit;PLZ;Ort;Zielberuf (KldB);Zielberuf;Deutschkenntnisse;Weitere Sprachen;Aufenthaltsstatus;Anerkennung;Führerschein;Verfügbar ab;Umkreis km;Einwilligung bis;E-Mail;Telefon;Bemerkung;Einwilligung am;Einwilligung Zwecke' >"$csv"
i=1
while [ "$i" -le 64 ]; do
    case $((i % 9)) in
    0 | 1 | 2 | 3) g=w ;;
    4 | 5 | 6 | 7) g=m ;;
    *) if [ $((i % 2)) -eq 0 ]; then g=d; else g=; fi ;;
    esac
    case $((i % 6)) in
    0) nat=syrisch ;; 1) nat=deutsch ;; 2) nat=ukrainisch ;; 3) nat=polnisch ;;
    4) nat=afghanisch ;; *) nat= ;;
    esac
    [ $((i % 31)) -eq 0 ] && nat=staatenlos
    born=$(printf '%02d.%02d.%04d' $((1 + i % 28)) $((1 + i % 12)) $((1955 + (i * 7) % 52)))
    [ $((i % 17)) -eq 0 ] && born=
    # Consent to reporting (the special categories) from all but every third, on the agency's
    # form: one import instead of one command per person.
    consent=';'
    [ $((i % 3)) -ne 0 ] && consent='02.01.2027;Berichte'
    printf 'ESF-%02d;%s;P%02d;Test;%s;%s;39104;Magdeburg;;;;;unknown;;;;;;;;;%s\n' \
        "$i" "$g" "$i" "$born" "$nat" "$consent" >>"$csv"
    i=$((i + 1))
done
w candidate import "$csv" --profile ba --source esf

# The special categories are stored only with privacy.special_categories on and the person's
# reporting consent.
SENSITIVE="--set privacy.special_categories=true"

# The facts of candidate ESF-NN (id NN): entry, employment, education, origin, housing, the
# special categories; exits spread over 2026Q3 and 2027Q1, followed up six months later.
i=1
while [ "$i" -le 64 ]; do
    ref=$(printf 'ESF-%02d' "$i")
    set -- --isced "$((i % 9))"
    [ $((i % 11)) -eq 0 ] && set --
    if [ "$i" -le 52 ]; then
        set -- "$@" --entry-date "$(printf '2027-%02d-%02d' $((1 + i % 3)) $((1 + i % 27)))"
    else
        set -- "$@" --entry-date "$(printf '2026-%02d-10' $((7 + i % 3)))"
    fi
    if [ $((i % 13)) -ne 0 ]; then
        case $((i % 5)) in
        0 | 1) set -- "$@" --employment-at-entry unemployed ;;
        2) set -- "$@" --employment-at-entry long-term-unemployed ;;
        3) set -- "$@" --employment-at-entry inactive ;;
        *) set -- "$@" --employment-at-entry employed ;;
        esac
    fi
    case $((i % 5)) in
    0) set -- "$@" --unemployed-since 2024-03-01 ;;
    1) set -- "$@" --unemployed-since 2026-11-01 ;;
    esac
    if [ $((i % 12)) -eq 0 ]; then
        set -- "$@" --second-nationality deutsch
    elif [ $((i % 10)) -eq 4 ]; then
        set -- "$@" --second-nationality italienisch
    fi
    if [ $((i % 4)) -ne 0 ]; then
        if [ $((i % 6)) -eq 1 ]; then set -- "$@" --country-of-birth DE; else set -- "$@" --country-of-birth SY; fi
    fi
    [ $((i % 19)) -eq 0 ] && set -- "$@" --foreign-background no
    [ $((i % 23)) -eq 0 ] && set -- "$@" --foreign-background yes
    if [ $((i % 16)) -eq 0 ]; then
        set -- "$@" --housing homeless
    elif [ $((i % 21)) -eq 0 ]; then
        set -- "$@" --housing housing-exclusion
    elif [ $((i % 7)) -ne 0 ]; then
        set -- "$@" --housing housed
    fi
    # The special categories of those who consented to reporting (the import above); a refusal
    # needs none.
    if [ $((i % 3)) -ne 0 ]; then
        if [ $((i % 14)) -eq 0 ]; then set -- "$@" --disability yes; else set -- "$@" --disability no; fi
        if [ $((i % 10)) -eq 5 ]; then
            set -- "$@" --minority yes
        elif [ $((i % 4)) -ne 0 ]; then
            set -- "$@" --minority no
        fi
    elif [ $((i % 9)) -eq 0 ]; then
        set -- "$@" --disability declined --minority declined
    fi
    # shellcheck disable=SC2086
    w $SENSITIVE candidate edit "$ref" "$@"

    # Leavers: every third entrant of 2027Q1 in March, everyone of 2026Q3 on the 20th.
    if [ "$i" -le 52 ] && [ $((i % 3)) -eq 0 ]; then
        left=$(printf '2027-03-%02d' $((1 + i % 28)))
    elif [ "$i" -gt 52 ]; then
        left=$(printf '2026-%02d-20' $((7 + i % 3)))
    else
        left=
    fi
    if [ -n "$left" ]; then
        # Every eighth with the day only (`edit --exit-date`): the situation is not known.
        case $((i % 8)):$((i % 5)) in
        0:*) w candidate edit "$ref" --exit-date "$left" ;;
        *:0) w candidate exit "$ref" --date "$left" --situation job-searching ;;
        *:1) w candidate exit "$ref" --date "$left" --situation education ;;
        *:2) w candidate exit "$ref" --date "$left" --situation employed ;;
        *:3) w candidate exit "$ref" --date "$left" --situation self-employed ;;
        *) w candidate exit "$ref" --date "$left" --situation qualification ;;
        esac
    fi
    # The follow-up of the 2026Q3 leavers, asked on 2027-02-20 (all but every fourth).
    if [ "$i" -gt 52 ] && [ $((i % 4)) -ne 0 ]; then
        case $((i % 3)) in
        0) status=employed ;; 1) status=job-searching ;; *) status=other ;;
        esac
        w candidate follow-up "$ref" --date 2027-02-20 --status "$status"
    fi
    i=$((i + 1))
done

w company edit elbe --size small --member-since 2025-01-01
w company edit saale --size medium --member-since 2025-01-01
w company edit harz --size large --member-since 2025-01-01
w company edit boerde --size micro --member-since 2025-01-01
w company edit anhalt --size large --member-since 2025-01-01
w company edit alt --member-since 2025-01-01
