"""The text as read: bytes decoded (``decode``), HTML reduced to its article text with a source map
(``html_text``), hard-wrapped paragraphs unfolded on a same-length analysis text (``unwrap``), and
the text cut into paragraphs, sentences and transcript turns (``segment``), and the views of one
document every stage shares (``analysis``). Every later offset indexes the decoded text these
modules return."""
