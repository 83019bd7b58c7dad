#!/bin/sh
# eval.sh [KSPLIT] -- run the shared evaluation scripts (../shared/eval) on
# the shared corpus (../shared/corpus) and print every figure the issues ask
# for.  Nothing here is a test: it measures.  Needs ../shared beside the
# repository; KS_SHARED overrides where it is.
#
#   spacing   klue-formal and govpress broken (line-aligned), govpress
#             pdf / joined / viewer, and the gold text itself as input
#             (every removal there is damage); pdf / joined / viewer again
#             on the gold's prose paragraphs alone (no table cells)
#   structure govpress broken / pdf / gold / joined / viewer / hwpx (score_structure.py)
#   lossless  every corpus input and the seed (check_lossless.py)
#   paragraphs where paragraphs break, against the gold's paragraphs
#             (tools/score_paragraphs.py): govpress pdf / joined / viewer
#   layout    the govpress gold hard-wrapped at other page widths
#             (tools/rewrap.py: 20, 28, 38, 60 and 75 characters a line,
#             breaking between words or at any character): spacing
#             (score_spacing_doc.py), structure (score_structure.py) and
#             paragraphs (score_paragraphs.py: there the gold is exact);
#             and as a web page with a <br> every 20 or 30 characters
#             (paragraphs)
#
# HALF=heldout limits the govpress spacing sets to every second release in
# ID order (the 2nd, 4th, ...): a check that a change made while reading
# the other half carries over.  The spacing model never reads a govpress
# release (tools/train_respace.py); HALF=all (default) uses all 44.
set -u
ks=${1:-build/ksplit}
S=${KS_SHARED:-../shared}
C=$S/corpus
E=$S/eval
py=${PYTHON:-python3}
out=${OUT:-build/eval}
what=${WHAT:-spacing structure lossless paragraphs layout}
rm -rf "$out"
mkdir -p "$out"

case " $what " in *" spacing "*)
    echo "== spacing: klue-formal (line-aligned)"
    "$ks" --to text --line-mode < "$C/spacing/klue-formal.broken.txt" > "$out/klue.rep"
    "$py" "$E/score_spacing.py" "$C/spacing/klue-formal.gold.txt" "$C/spacing/klue-formal.broken.txt" "$out/klue.rep"
    ids=$(ls "$C"/govpress/*.gold.txt | sort | sed 's|.*/||; s|\.gold\.txt$||')
    [ "${HALF:-all}" = heldout ] && ids=$(echo "$ids" | awk 'NR % 2 == 0')
    # the releases' simulated wraps: line-aligned, so each release is one
    # --line-mode document and the lines of all are scored together
    echo "== spacing: govpress/*.broken.txt (line-aligned, --line-mode; ${HALF:-all}: $(echo "$ids" | wc -l) releases)"
    : > "$out/broken.gold"; : > "$out/broken.in"; : > "$out/broken.rep"
    for id in $ids; do
        cat "$C/govpress/$id.gold.txt" >> "$out/broken.gold"
        cat "$C/govpress/$id.broken.txt" >> "$out/broken.in"
        "$ks" --to text --line-mode < "$C/govpress/$id.broken.txt" >> "$out/broken.rep"
    done
    if [ "$(wc -l < "$out/broken.gold")" = "$(wc -l < "$out/broken.rep")" ]; then
        "$py" "$E/score_spacing.py" "$out/broken.gold" "$out/broken.in" "$out/broken.rep"
    else
        echo "eval.sh: govpress broken: the output's lines do not line up with the gold's" >&2
    fi
    for form in pdf joined viewer gold; do
        [ "$form" = gold ] && echo "== (the author's own text as input: nothing to remove, every removal is damage)"
        echo "== spacing: govpress/*.$form.txt (${HALF:-all}: $(echo "$ids" | wc -l) releases)"
        : > "$out/pairs.$form"
        for id in $ids; do
            f=$C/govpress/$id.$form.txt
            "$ks" --to text < "$f" > "$out/$id.$form.rep"
            echo "$C/govpress/$id.gold.txt $f $out/$id.$form.rep" >> "$out/pairs.$form"
        done
        "$py" "$E/score_spacing_doc.py" --pairs "$out/pairs.$form"
    done
    # The same repairs scored on prose alone: the gold's paragraphs of 40
    # characters or more that end a sentence ("...다."), so that table
    # cells (which the gold writes a cell a line and the PDF's text in
    # another order) and headings take no part.  Not an issue's measure:
    # it says how much of the figures above is tables.
    mkdir -p "$out/prose"
    "$py" -c 'import sys
src, dst = sys.argv[1], sys.argv[2]
for i in sys.argv[3:]:
    lines = open("%s/%s.gold.txt" % (src, i), encoding="utf-8").read().split("\n")
    prose = [l for l in lines if len(l) >= 40 and l.rstrip().endswith("다.")]
    open("%s/%s.gold.txt" % (dst, i), "w", encoding="utf-8").write("\n".join(prose) + "\n")' \
        "$C/govpress" "$out/prose" $ids
    for form in pdf joined viewer; do
        echo "== spacing, prose only (the gold's sentence paragraphs): govpress/*.$form.txt"
        sed "s|^$C/govpress/\([^ ]*\)\.gold\.txt |$out/prose/\1.gold.txt |" "$out/pairs.$form" \
            > "$out/pairs.prose.$form"
        "$py" "$E/score_spacing_doc.py" --pairs "$out/pairs.prose.$form"
    done
;; esac

case " $what " in *" structure "*)
    for form in broken pdf gold joined viewer; do
        echo "== structure: govpress/*.$form.txt"
        mkdir -p "$out/struct.$form"
        for f in "$C"/govpress/*."$form".txt; do
            id=$(basename "$f" ."$form".txt)
            "$ks" -q "$f" > "$out/struct.$form/$id.json"
        done
        "$py" "$E/score_structure.py" "$C/govpress" "$out/struct.$form"
    done
    if ls "$C"/govpress/*.hwpx > /dev/null 2>&1; then
        echo "== structure: govpress/*.hwpx"
        mkdir -p "$out/struct.hwpx"
        for f in "$C"/govpress/*.hwpx; do
            id=$(basename "$f" .hwpx)
            "$ks" -q "$f" > "$out/struct.hwpx/$id.json" 2> /dev/null
        done
        "$py" "$E/score_structure.py" "$C/govpress" "$out/struct.hwpx"
    fi
    echo "== structure: seed"
    mkdir -p "$out/seed"
    cp "$S/seed/daegu-gwangju-lecture.gold.json" "$out/seed/"
    "$ks" -q "$S/seed/daegu-gwangju-lecture.txt" > "$out/seed.out.json"
    mkdir -p "$out/seed-out"
    cp "$out/seed.out.json" "$out/seed-out/daegu-gwangju-lecture.json"
    "$py" "$E/score_structure.py" "$out/seed" "$out/seed-out"
;; esac

case " $what " in *" lossless "*)
    echo "== lossless"
    n=0
    bad=0
    for f in "$S"/seed/*.txt "$C"/govpress/*.txt "$C"/spacing/*.txt; do
        n=$((n + 1))
        "$ks" -q "$f" > "$out/lossless.json"
        if ! "$py" "$E/check_lossless.py" "$f" "$out/lossless.json" > "$out/lossless.msg"; then
            bad=$((bad + 1))
            echo "$f: $(cat "$out/lossless.msg")"
        fi
    done
    echo "lossless: $((n - bad)) of $n inputs keep every character"
;; esac

case " $what " in *" paragraphs "*)
    for form in pdf joined viewer; do
        echo "== paragraphs: govpress/*.$form.txt"
        d=$out/para.$form
        mkdir -p "$d"
        : > "$d/pairs"
        for f in "$C"/govpress/*."$form".txt; do
            id=$(basename "$f" ."$form".txt)
            "$ks" -q "$f" > "$d/$id.json" 2> /dev/null
            echo "$C/govpress/$id.gold.txt $d/$id.json" >> "$d/pairs"
        done
        "$py" tools/score_paragraphs.py --pairs "$d/pairs"
    done
;; esac

case " $what " in *" layout "*)
    for width in 20 28 38 60 75; do
        for mode in word char; do
            d=$out/layout.$width$mode
            mkdir -p "$d/json"
            : > "$d/pairs"
            : > "$d/para"
            for g in "$C"/govpress/*.gold.txt; do
                id=$(basename "$g" .gold.txt)
                "$py" tools/rewrap.py "$width" "$mode" < "$g" > "$d/$id.txt"
                "$ks" -q "$d/$id.txt" > "$d/json/$id.json" 2> /dev/null
                "$ks" -q --to text "$d/$id.txt" > "$d/$id.rep" 2> /dev/null
                echo "$g $d/$id.txt $d/$id.rep" >> "$d/pairs"
                echo "$g $d/json/$id.json" >> "$d/para"
            done
            echo "== layout: govpress gold wrapped at $width characters ($mode)"
            "$py" "$E/score_spacing_doc.py" --pairs "$d/pairs" | grep -E 'spurious|removed|damaged|precision|recall|damage per'
            "$py" "$E/score_structure.py" "$C/govpress" "$d/json" | grep -E ' (title|summary|quotes|metadata\.contacts|metadata\.release_date):'
            "$py" tools/score_paragraphs.py --pairs "$d/para" | sed -n 's/^gold breaks/  paragraphs: gold breaks/p; s/^ *f1: /  paragraphs f1: /p'
        done
    done
    # the same paragraphs as a web page, each a <p> with a <br> ending
    # every line (html.c's soft lines)
    for width in 20 30; do
        d=$out/layout.html$width
        mkdir -p "$d"
        : > "$d/para"
        for g in "$C"/govpress/*.gold.txt; do
            id=$(basename "$g" .gold.txt)
            "$py" tools/rewrap.py "$width" word html < "$g" > "$d/$id.html"
            "$ks" -q "$d/$id.html" > "$d/$id.json" 2> /dev/null
            echo "$g $d/$id.json" >> "$d/para"
        done
        echo "== layout: govpress gold as a web page, a <br> every $width characters (word)"
        "$py" tools/score_paragraphs.py --pairs "$d/para" | sed -n 's/^gold breaks/  paragraphs: gold breaks/p; s/^ *f1: /  paragraphs f1: /p'
    done
;; esac
