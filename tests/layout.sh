#!/bin/sh
# layout.sh — the include arrows of the source tree (README.md, "Layout").
# Reads every `#include "..."` of positions/, pricing/, data/ and tui/ and
# fails, naming file:line, on one that runs against the arrows:
#
#   between the top folders   tui -> pricing, data -> positions
#                             (positions includes none of the others;
#                             pricing and data never include each other)
#   inside tui/               cli, screens -> app -> pricing, data, positions
#                             term/ includes none of tui's other rooms nor
#                             data/ or pricing/; cli/ and screens/ reach
#                             data/ and pricing/ only through app/
#                             the loop (the files at tui/ itself) may
#                             include everything
#   the one way up            tui/cli/main.c starts the interface through
#                             tui/ui_main.h
#
# and on a circle of includes between files (a.h -> b.h -> a.h).
# Run from the top of the tree; ROOT=dir checks another tree.
ROOT=${ROOT:-.}
cd "$ROOT" || exit 2

# room of a path: positions pricing data tui/cli tui/app tui/screens
# tui/term tui (the loop), or "" when it is none of them
room() {
	case $1 in
	positions/*) echo positions ;;
	pricing/*) echo pricing ;;
	data/*) echo data ;;
	tui/cli/*) echo tui/cli ;;
	tui/app/*) echo tui/app ;;
	tui/screens/*) echo tui/screens ;;
	tui/term/*) echo tui/term ;;
	tui/*/*) echo "" ;;
	tui/*) echo tui ;;
	*) echo "" ;;
	esac
}

# the rooms a room may include (its own first)
allowed() {
	case $1 in
	positions) echo "positions" ;;
	pricing) echo "pricing positions" ;;
	data) echo "data positions" ;;
	tui/term) echo "tui/term positions" ;;
	tui/app) echo "tui/app pricing data positions" ;;
	tui/screens) echo "tui/screens tui/app tui/term positions" ;;
	tui/cli) echo "tui/cli tui/app tui/term positions" ;;
	tui) echo "tui tui/cli tui/app tui/screens tui/term pricing data positions" ;;
	esac
}

files=$(find positions pricing data tui -type f \( -name '*.c' -o -name '*.h' \) | sort)
[ -n "$files" ] || { echo "layout: no sources under $(pwd)"; exit 2; }
bad=0
edges=$(mktemp)
trap 'rm -f "$edges" "$edges.one"' EXIT

for f in $files; do
	from=$(room "$f")
	if [ -z "$from" ]; then
		echo "$f: a source outside the rooms (positions pricing data tui/{cli,app,screens,term} tui)"
		bad=$((bad + 1))
		continue
	fi
	ok=$(allowed "$from")
	# "line<TAB>target" for every #include "..."
	grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" |
		sed 's/^\([0-9]*\):[^"]*"\([^"]*\)".*/\1	\2/' >"$edges.one"
	while IFS='	' read -r line target; do
		[ -n "$line" ] || continue
		echo "$f $target" >>"$edges"
		to=$(room "$target")
		if [ -z "$to" ] || [ ! -f "$target" ]; then
			echo "$f:$line: includes \"$target\": not a file of the rooms (paths are from the top: \"tui/app/app.h\")"
			bad=$((bad + 1))
			continue
		fi
		if [ "$f" = tui/cli/main.c ] && [ "$target" = tui/ui_main.h ]; then
			continue
		fi
		case " $ok " in
		*" $to "*) ;;
		*)
			echo "$f:$line: $from/ includes $target ($to/): against the arrows (README.md, Layout)"
			bad=$((bad + 1))
			;;
		esac
	done <"$edges.one"
	rm -f "$edges.one"
done

# circles: a depth-first walk of the include graph between files
cycles=$(awk '
	{ n[$1]++; e[$1, n[$1]] = $2; node[$1] = 1; node[$2] = 1 }
	function walk(v,    i, w, k, path) {
		state[v] = 1; stack[++depth] = v
		for (i = 1; i <= n[v]; i++) {
			w = e[v, i]
			if (state[w] == 1) {
				path = ""
				for (k = depth; k >= 1; k--) {
					path = stack[k] (path == "" ? "" : " -> ") path
					if (stack[k] == w) break
				}
				print path " -> " w
			} else if (state[w] == 0) {
				walk(w)
			}
		}
		depth--; state[v] = 2
	}
	END { for (v in node) if (state[v] == 0) walk(v) }' "$edges" | sort -u)
if [ -n "$cycles" ]; then
	echo "$cycles" | sed 's/^/include circle: /'
	bad=$((bad + $(echo "$cycles" | wc -l)))
fi

n=$(echo "$files" | wc -l)
if [ "$bad" -gt 0 ]; then
	echo "layout: $bad include(s) against the arrows in $n files"
	exit 1
fi
echo "layout: $n files, every include along the arrows, no circles"
