"""Snapping selections to jieba word boundaries, trimming whitespace, never crossing the text."""
from hypothesis import given, settings, strategies as st

from annotator.core import segment

TEXT = "绥阳县坪乐镇解放村10余名镇村干部正与村民\n\u3000云阳13.4万贫困群众 如期脱贫"


def setup_module():
    segment.start().join()


def test_half_a_word_grows_to_the_whole_word():
    start = TEXT.index("坪乐镇")
    assert segment.snap(TEXT, start + 1, start + 2) == (start, start + 3)  # 乐 -> 坪乐镇
    assert TEXT[slice(*segment.snap(TEXT, start, start + 5))] == "坪乐镇解放村"


def test_whitespace_is_trimmed_and_character_precision_is_possible():
    start = TEXT.index("\u3000")
    assert TEXT[slice(*segment.snap(TEXT, start - 1, start + 3))] == "云阳"
    assert segment.snap(TEXT, start, start + 1) is None
    s = TEXT.index("坪")
    assert segment.snap(TEXT, s + 1, s + 2, words=False) == (s + 1, s + 2)


def test_selection_across_lines_snaps_each_edge():
    start, end = TEXT.index("村民") + 1, TEXT.index("云阳") + 1
    assert TEXT[slice(*segment.snap(TEXT, start, end))] == "村民\n\u3000云阳"


@settings(max_examples=200)
@given(text=st.text(alphabet=st.sampled_from("云阳县贫困户13.4万 \n\u3000𠮷😀,。"), min_size=1, max_size=40),
       data=st.data())
def test_snapping_contains_the_trimmed_selection(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    snapped = segment.snap(text, start, end)
    trimmed = segment.trim(text, start, end)
    if trimmed is None:
        assert snapped is None
        return
    s, e = snapped
    assert 0 <= s <= trimmed[0] and trimmed[1] <= e <= len(text)
    assert text[s] not in " \n\u3000" and text[e - 1] not in " \n\u3000"


@settings(max_examples=200)
@given(st.text(alphabet="云阳县委宣传部\n 𠮷😀12年,", max_size=40))
def test_words_of_a_text_tile_it_with_true_offsets(text):
    words = segment.text_words(text)
    assert "".join(w for w, _, _ in words) == text.replace("\n", "")
    for word, start, end in words:
        assert text[start:end] == word  # offsets in code points, also after astral characters
    lines = text.split("\n")
    assert [w for w, _, _ in words] == [w for line in lines for w, _, _ in segment.words(line)]


@given(st.text(alphabet="云阳县 \u3000\u00a0\n贫困", min_size=1, max_size=30), st.data())
def test_an_edge_move_never_leaves_whitespace_at_an_edge(text, data):
    from annotator.core.segment import move_edge, trim

    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    if trim(text, start, end) != (start, end):
        return  # spans never start that way
    edge, step = data.draw(st.sampled_from(["start", "end"])), data.draw(st.sampled_from([-1, 1]))
    moved = move_edge(text, start, end, edge, step)
    if moved is not None:
        a, b = moved
        assert 0 <= a < b <= len(text) and not text[a].isspace() and not text[b - 1].isspace()


def test_an_edge_moved_onto_a_space_goes_past_it():
    from annotator.core.segment import move_edge

    text = "广东省省长 孟凡利"
    assert move_edge(text, 0, 5, "end", 1) == (0, 7)   # 广东省省长 孟: over the space to the next character
    assert move_edge(text, 0, 7, "end", -1) == (0, 5)  # back: the space is not kept
    assert move_edge(text, 6, 9, "start", -1) == (4, 9)  # the start too
