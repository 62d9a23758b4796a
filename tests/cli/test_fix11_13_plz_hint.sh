#!/bin/sh
# Issue 11 item 13: `advisor find --plz 99999` says what a valid PLZ is, not "(01... to 39...)",
# which is wrong for Sachsen-Anhalt (its PLZ start with 06, 29, 38 and 39).
. "$(dirname "$0")/lib.sh"
run init

case_ "a PLZ that no place has"
run advisor find --plz 99999
expect_error 2 "PLZ 99999 is not in the postal code directory; give the five-digit PLZ of a place, such as 39104 (Magdeburg)"
expect_err_lacks "01..."

case_ "a PLZ of Sachsen-Anhalt still finds"
run advisor find --plz 39104
expect_status 0

finish
