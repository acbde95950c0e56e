"""An exact, faster port of sacrebleu's TER edit counting (``sacrebleu.metrics.lib_ter``).

``translation_edit_rate(words_hyp, words_ref)`` returns the same ``(edits, ref_len)``
as sacrebleu's for every input: the same greedy shifts (same candidates, same
ranking, same ``_MAX_SHIFT_*`` limits and candidate cap), the same beam edit
distance (same beam, same tie-breaking in the trace back), the same handling of an
empty reference. ``FastTER`` is sacrebleu's ``TER`` metric using it (same name,
signature, statistics and scores). Only the way the numbers are computed differs:

* Words. Hypothesis words are only ever compared with reference words, so each is
  represented by the bit mask of the reference positions holding it (0 for a word
  the reference does not have): two hypothesis words have equal masks exactly when
  they compare equally with every reference word, and nothing else is asked of them.

* Shift rounds. Which shift wins depends only on the *set* of candidates a round
  evaluates, not on their order (the ranking key ``(score, length, -start_h, -idx)``
  determines the shifted words). And when a round reaches the candidate cap,
  sacrebleu drops its best shift and stops. So a round first enumerates its
  candidates, counting them exactly as sacrebleu does (same pairs, same filters,
  same skipping of repeated target positions); at the cap it ends there without
  computing any edit distance; otherwise each distinct candidate is scored once.

* Edit distances. A hypothesis' beam edit distance is computed as the plain
  (unconstrained) Levenshtein distance, bit-parallel (Myers 1999, in Hyyrö's
  formulation) over the reference with Python ints, a candidate's restarted from
  the state after its unshifted prefix. The beam only removes paths, and every path
  through a cell outside the beam costs at least ``_Beam.bound`` (from the two
  lengths alone). So when the plain distance is below that bound, an optimal path
  lies in the beam and both distances are equal; otherwise (very unequal lengths,
  long and distant sentences) sacrebleu's beam dynamic programme is run, with the
  same cells and costs. Since the plain distance is never more than the beam's, the
  candidates are taken in the order of the keys they would have with it, and the
  beam distance is only computed for those that can still be ranked first.

* The trace. Then, too, every cell the trace back visits and every neighbour that
  ties with it for the minimum lies on an optimal path, hence in the beam with its
  plain cost: so the trace back over the plain distances (read off the bit vectors)
  takes, cell by cell, the same operation as sacrebleu's (the first of
  substitution/no-op, deletion, insertion whose cost equals the cell's). Otherwise
  it runs over the beam rows. Either way the operations are recomputed during the
  trace back from the costs, which is how sacrebleu's strict ``>`` chooses them.

The module imports nothing from sacrebleu until ``FastTER`` is used.
"""
from __future__ import annotations

import math
from bisect import bisect_left
from operator import itemgetter

_COST_INS = 1
_COST_DEL = 1
_COST_SUB = 1

# Tercom-inspired limits (sacrebleu's)
_MAX_SHIFT_SIZE = 10
_MAX_SHIFT_DIST = 50
_BEAM_WIDTH = 25

# sacrebleu's own limits (its edit-distance cache only affects its speed, so it has no counterpart here)
_MAX_SHIFT_CANDIDATES = 1000
_INT_INFINITY = int(1e16)

_popcount = getattr(int, "bit_count", None) or (lambda x: bin(x).count("1"))  # int.bit_count: Python 3.10+


def _perform_shift(words: list, start: int, length: int, target: int) -> list:
    """sacrebleu's ``_perform_shift``, verbatim (its third case is not a plain move)."""
    if target < start:
        # shift before previous position
        return words[:target] + words[start: start + length] \
            + words[target: start] + words[start + length:]
    elif target > start + length:
        # shift after previous position
        return words[:start] + words[start + length: target] \
            + words[start: start + length] + words[target:]
    else:
        # shift within the shifted string
        return words[:start] + words[start + length: length + target] \
            + words[start: start + length] + words[length + target:]


class _Beam:
    """sacrebleu's beam for one call (all the hypotheses of a call have the same length),
    its rows of costs when needed, and the least cost of a path that leaves it."""

    __slots__ = ("bounds", "bound", "r_masks", "empty_row", "_sub")

    def __init__(self, n_h: int, r_masks: list) -> None:
        n_r = len(r_masks)
        # sacrebleu's arithmetic, float for float
        length_ratio = n_r / n_h if n_h else 1
        if _BEAM_WIDTH < length_ratio / 2:
            beam_width = math.ceil(length_ratio / 2 + _BEAM_WIDTH)
        else:
            beam_width = _BEAM_WIDTH
        bounds = [(0, n_r + 1)]  # row 0: sacrebleu's initial row, all set
        bound = _INT_INFINITY
        for i in range(1, n_h + 1):
            pseudo_diag = math.floor(i * length_ratio)
            min_j = max(0, pseudo_diag - beam_width)
            max_j = min(n_r + 1, pseudo_diag + beam_width)
            if i == n_h:
                max_j = n_r + 1
            bounds.append((min_j, max_j))
            # A path through cell (i, j) costs at least |i - j| up to it and
            # |(n_h - i) - (n_r - j)| from it on. That is convex in j and least between
            # j = i and j = i + n_r - n_h, so over an interval of columns it is least at
            # i clamped to the interval.
            for a, b in ((0, min_j - 1), (max_j, n_r)):
                if a <= b:
                    j = a if i < a else b if i > b else i
                    cost = abs(i - j) + abs((n_h - i) - (n_r - j))
                    if cost < bound:
                        bound = cost
        self.bounds = bounds
        #: every path through a cell outside the beam costs at least this much
        self.bound = bound
        self.r_masks = r_masks
        self.empty_row = [_INT_INFINITY] * (n_r + 1)
        self._sub: dict = {}

    def initial_rows(self) -> list:
        return [list(range(len(self.r_masks) + 1))]

    def _sub_costs(self, h: int) -> list:
        """Cost of the diagonal move of hypothesis word ``h`` onto reference word j - 1, by j."""
        row = self._sub.get(h)
        if row is None:
            row = self._sub[h] = [_COST_SUB] + [0 if r == h else _COST_SUB for r in self.r_masks]
        return row

    def extend(self, hyp: list, rows: list) -> None:
        """Complete ``rows`` (those of a prefix of ``hyp``) with sacrebleu's beam edit-distance
        rows of the rest, costs only. Cells outside the beam are ``_INT_INFINITY``; a cell in
        the beam without a finite neighbour (sacrebleu keeps infinity there) may hold more,
        which changes nothing: no finite cost and no trace goes through it."""
        bounds, empty_row, sub_costs = self.bounds, self.empty_row, self._sub_costs
        prev = rows[-1]
        append_row = rows.append
        for i in range(len(rows), len(hyp) + 1):
            lo, hi = bounds[i]
            cur = empty_row[:]
            if lo == 0:
                c = cur[0] = prev[0] + _COST_DEL
                lo = 1
            else:
                c = _INT_INFINITY
            seg = []
            app = seg.append
            for d, u, s in zip(prev[lo - 1:hi - 1], prev[lo:hi], sub_costs(hyp[i - 1])[lo:hi]):
                # min of (diagonal, deletion, insertion): the cost sacrebleu keeps
                c += _COST_INS
                d += s
                if d < c:
                    c = d
                u += _COST_DEL
                if u < c:
                    c = u
                app(c)
            cur[lo:hi] = seg
            append_row(cur)
            prev = cur


def _bit_columns(hyp: list, pvs: list, mvs: list, mask: int) -> None:
    """Bit-parallel Levenshtein of the reference against ``hyp``: completes ``pvs``/``mvs``
    (those of a prefix of ``hyp``) so that bit t of ``pvs[k]`` (``mvs[k]``) is set when the
    distance of ``hyp[:k]`` to the reference's first t + 1 words exceeds by one (falls
    short by one) its distance to the first t."""
    pv, mv = pvs[-1], mvs[-1]
    for eq in hyp[len(pvs) - 1:]:
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | ~(xh | pv) & mask
        mh = pv & xh
        ph = (ph << 1) | 1  # the first row, distances to the empty reference, rises by one
        pv = ((mh << 1) | ~(xv | ph)) & mask
        mv = ph & xv
        pvs.append(pv)
        mvs.append(mv)


def _bit_distance(hyp: list, start: int, pv: int, mv: int, mask: int) -> int:
    """The Levenshtein distance of ``hyp`` to the reference, from the bit vectors of ``hyp[:start]``."""
    for eq in hyp[start:]:
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | ~(xh | pv) & mask
        mh = pv & xh
        ph = (ph << 1) | 1
        pv = ((mh << 1) | ~(xv | ph)) & mask
        mv = ph & xv
    return len(hyp) + _popcount(pv) - _popcount(mv)


def _trace_bits(hyp: list, pvs: list, mvs: list, n_r: int) -> tuple[list, list, list]:
    """sacrebleu's ``trace_to_alignment(_flip_trace(trace))`` for the trace back over the
    plain distances: (align, ref_err, hyp_err), ``align[k]`` the hypothesis position of
    reference word k (-1: before the first)."""
    align = [0] * n_r
    ref_err = [0] * n_r
    i, j = len(hyp), n_r
    hyp_err = [0] * i
    popcount = _popcount
    # cur: the distance of hyp[:i] to the reference's first j words; up: that of hyp[:i - 1]
    if i:
        cur = i + popcount(pvs[i]) - popcount(mvs[i])
        up = i - 1 + popcount(pvs[i - 1]) - popcount(mvs[i - 1])
    while i > 0 and j > 0:
        # the first of sacrebleu's candidates (substitution/no-op, deletion, insertion)
        # whose cost equals the cell's
        t = j - 1
        pv, mv = pvs[i - 1], mvs[i - 1]
        diag = up - ((pv >> t) & 1) + ((mv >> t) & 1)
        s = 0 if (hyp[i - 1] >> t) & 1 else _COST_SUB
        if diag + s == cur:
            i -= 1
            j = t
            align[t] = i
            hyp_err[i] = ref_err[t] = s
            cur = diag
        elif up + _COST_DEL == cur:
            i -= 1
            hyp_err[i] = 1
            cur = up
        else:
            j = t
            align[t] = i - 1
            ref_err[t] = 1
            pv, mv = pvs[i], mvs[i]
            cur = cur - ((pv >> t) & 1) + ((mv >> t) & 1)
            up = diag
            continue
        if i:
            low = (1 << j) - 1
            up = i - 1 + popcount(pvs[i - 1] & low) - popcount(mvs[i - 1] & low)
    while i > 0:  # sacrebleu's first column: deletions (flipped: hypothesis words only)
        i -= 1
        hyp_err[i] = 1
    while j > 0:  # the initial row: insertions (flipped: reference words only)
        j -= 1
        align[j] = -1
        ref_err[j] = 1
    return align, ref_err, hyp_err


def _trace_rows(hyp: list, rows: list, r_masks: list) -> tuple[list, list, list]:
    """``_trace_bits`` over sacrebleu's beam rows."""
    n_r = len(r_masks)
    i, j = len(hyp), n_r
    align = [0] * n_r
    ref_err = [0] * n_r
    hyp_err = [0] * i
    cur = rows[i]
    while i > 0 and j > 0:
        cost = cur[j]
        prev = rows[i - 1]
        s = 0 if hyp[i - 1] == r_masks[j - 1] else _COST_SUB
        if prev[j - 1] + s == cost:
            i -= 1
            j -= 1
            align[j] = i
            hyp_err[i] = ref_err[j] = s
            cur = prev
        elif prev[j] + _COST_DEL == cost:
            i -= 1
            hyp_err[i] = 1
            cur = prev
        else:
            j -= 1
            align[j] = i - 1
            ref_err[j] = 1
    while i > 0:
        i -= 1
        hyp_err[i] = 1
    while j > 0:
        j -= 1
        align[j] = -1
        ref_err[j] = 1
    return align, ref_err, hyp_err


def _next_error(err: list) -> list:
    """``out[p]``: the first position >= p with an error (``len(err)`` if none)."""
    n = len(err)
    out = [n] * (n + 1)
    nxt = n
    for p in range(n - 1, -1, -1):
        if err[p]:
            nxt = p
        out[p] = nxt
    return out


def _candidates(hyp: list, r_masks: list, positions_of: dict, align: list, ref_err: list,
                hyp_err: list) -> tuple[int, dict]:
    """The shifts sacrebleu's ``_shift`` evaluates for ``hyp``, in its order: how many it
    counts, and the distinct ones as {(start_h, length, idx): None}.

    sacrebleu walks ``_find_shifted_pairs`` (start_h, then start_r, then length, all
    ascending), skips a pair when the hypothesis span has no error, when the
    reference span has no error, or when ``align[start_r]`` falls inside the
    hypothesis span, and evaluates one candidate per target position ``idx`` (for
    offsets -1 .. length - 1, skipping an idx equal to the previous one)."""
    n_h, n_r = len(hyp), len(r_masks)
    next_h_err = _next_error(hyp_err)
    next_r_err = _next_error(ref_err)
    cands: dict = {}
    count = 0
    for start_h in range(n_h):
        positions = positions_of.get(hyp[start_h])
        if positions is None:
            continue
        first = bisect_left(positions, start_h - _MAX_SHIFT_DIST) if start_h > _MAX_SHIFT_DIST else 0
        h_ok = next_h_err[start_h] - start_h  # spans up to this length have no error
        h_limit = n_h - start_h if n_h - start_h < _MAX_SHIFT_SIZE else _MAX_SHIFT_SIZE
        for start_r in positions[first:]:
            if start_r - start_h > _MAX_SHIFT_DIST:
                break
            # the pair's lengths: 1 .. longest
            limit = n_r - start_r
            if h_limit < limit:
                limit = h_limit
            longest = 1
            while longest < limit and hyp[start_h + longest] == r_masks[start_r + longest]:
                longest += 1
            shortest = next_r_err[start_r] - start_r
            if shortest < h_ok:
                shortest = h_ok
            shortest += 1
            a = align[start_r]
            if start_h <= a < start_h + longest:
                longest = a - start_h  # longer spans contain align[start_r]
            if shortest > longest:
                continue
            targets = [0 if start_r == 0 else align[start_r - 1] + 1]
            targets += [k + 1 for k in align[start_r:start_r + longest]]
            for length in range(shortest, longest + 1):
                prev_idx = -1
                for idx in targets[:length + 1]:
                    if idx != prev_idx:
                        prev_idx = idx
                        count += 1
                        cands[start_h, length, idx] = None
    return count, cands


def translation_edit_rate(words_hyp: list, words_ref: list) -> tuple[int, int]:
    """sacrebleu's ``lib_ter.translation_edit_rate``: (number of edits, reference length)."""
    n_r = len(words_ref)
    n_h = len(words_hyp)
    if n_r == 0:
        return n_h, 0  # sacrebleu's treatment of an empty reference

    peq: dict = {}
    for k, w in enumerate(words_ref):
        peq[w] = peq.get(w, 0) | (1 << k)
    r_masks = [peq[w] for w in words_ref]
    positions_of: dict = {}
    for k, m in enumerate(r_masks):
        positions_of.setdefault(m, []).append(k)
    hyp = [peq.get(w, 0) for w in words_hyp]
    mask = (1 << n_r) - 1
    beam = _Beam(n_h, r_masks)
    bound = beam.bound

    pvs, mvs = [mask], [0]
    _bit_columns(hyp, pvs, mvs, mask)
    rows = None  # the beam rows of a prefix of hyp, when they have been needed

    shifts = 0
    checked = 0
    while True:
        pre_score = n_h + _popcount(pvs[n_h]) - _popcount(mvs[n_h])
        if pre_score < bound:
            align, ref_err, hyp_err = _trace_bits(hyp, pvs, mvs, n_r)
        else:
            if rows is None:
                rows = beam.initial_rows()
            beam.extend(hyp, rows)
            pre_score = rows[n_h][n_r]
            if pre_score >= _INT_INFINITY:  # sacrebleu's trace back would meet an unset cell
                raise Exception("unknown operation 'x'")
            align, ref_err, hyp_err = _trace_rows(hyp, rows, r_masks)

        count, cands = _candidates(hyp, r_masks, positions_of, align, ref_err, hyp_err)
        checked += count
        if checked >= _MAX_SHIFT_CANDIDATES or not cands:
            break  # (at the cap, sacrebleu drops the round's best shift and stops)

        # Each candidate's plain distance, a lower bound of its beam distance (equal below
        # the bound): so its key with it, ``(pre_score - distance, length, -start_h, -idx)``,
        # is an upper bound of its key in sacrebleu's ranking, and the rest is a branch and bound.
        scored = []
        for start_h, length, idx in cands:
            shifted = _perform_shift(hyp, start_h, length, idx)
            p = start_h if start_h < idx else idx  # the unshifted prefix
            while p < n_h and shifted[p] == hyp[p]:
                p += 1
            cost = pre_score if p == n_h else _bit_distance(shifted, p, pvs[p], mvs[p], mask)
            scored.append(((pre_score - cost, length, -start_h, -idx), cost, shifted, p))
        scored.sort(key=itemgetter(0), reverse=True)
        best = best_hyp = None
        best_start = 0
        for key, cost, shifted, p in scored:
            if key[0] <= 0 or (best is not None and key <= best):
                # none of the rest can be better, or lower the edits (when nothing does,
                # sacrebleu stops whichever shift it ranks first)
                break
            if cost >= bound:  # the beam may matter: sacrebleu's beam distance
                if rows is None:
                    rows = beam.initial_rows()
                beam.extend(hyp, rows)
                tmp = rows[:p + 1]
                beam.extend(shifted, tmp)
                cost = tmp[n_h][n_r]
                if cost >= _INT_INFINITY:
                    raise Exception("unknown operation 'x'")
                key = (pre_score - cost,) + key[1:]
            if best is None or key > best:
                best, best_hyp, best_start = key, shifted, p
        if best is None or best[0] <= 0:
            break
        shifts += 1
        hyp = best_hyp
        del pvs[best_start + 1:], mvs[best_start + 1:]
        _bit_columns(hyp, pvs, mvs, mask)
        if rows is not None:
            del rows[best_start + 1:]

    return shifts + pre_score, n_r


def _fast_ter_class():
    from sacrebleu.metrics.ter import TER

    class FastTER(TER):
        """sacrebleu's TER metric (same name, signature, statistics and scores) counting
        edits with ``tqcheck.ter.translation_edit_rate``."""

        def _compute_segment_statistics(self, hypothesis: str, ref_kwargs: dict) -> list:
            # sacrebleu's TER._compute_segment_statistics, with our translation_edit_rate
            ref_lengths = 0
            best_num_edits = int(1e16)

            words_hyp = hypothesis.split()

            # Iterate the references
            ref_words = ref_kwargs['ref_words']
            for words_ref in ref_words:
                num_edits, ref_len = translation_edit_rate(words_hyp, words_ref)
                ref_lengths += ref_len
                if num_edits < best_num_edits:
                    best_num_edits = num_edits

            avg_ref_len = ref_lengths / len(ref_words)
            return [best_num_edits, avg_ref_len]

    FastTER.__qualname__ = "FastTER"
    FastTER._compute_segment_statistics.__qualname__ = "FastTER._compute_segment_statistics"
    return FastTER


def __getattr__(name: str):
    # FastTER is made on first use, so that importing this module does not import sacrebleu
    if name == "FastTER":
        cls = globals()["FastTER"] = _fast_ter_class()
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
