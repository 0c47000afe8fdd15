#!/usr/bin/env bash
# CTest fixture: a real CUPS with the cups-pdf printer "TongbanPDF".
#   cups-fixture.sh start   starts cupsd if it is not running and adds the printer
#   cups-fixture.sh stop    stops the cupsd this fixture started
# Needs root (as CI and the README's test command run). cups-pdf writes each
# printed job as a PDF into the job owner's ~/PDF (see /etc/cups/cups-pdf.conf).
set -euo pipefail
state=/tmp/tongban-cups-fixture.pid
case "${1:-}" in
start)
    # "lpstat -r" exits 0 either way; its words say whether the scheduler runs.
    if ! lpstat -r 2>/dev/null | grep -q "is running"; then
        cupsd
        for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
        pgrep -n cupsd > "$state"
    fi
    lpadmin -p TongbanPDF -v cups-pdf:/ -E -P /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null
    cupsenable TongbanPDF
    cupsaccept TongbanPDF
    lpstat -p TongbanPDF
    ;;
stop)
    if [[ -f "$state" ]]; then
        kill "$(cat "$state")" 2>/dev/null || true
        rm -f "$state"
    fi
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
