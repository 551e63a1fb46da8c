"""The learnt source: a linear-chain CRF over characters, trained on the project's confirmed reports.

Rules do not learn; this does.  `features` turns a text into one list of attributes per character
(the character and its neighbours, jieba's words and their dictionary tags, and what the rule sources
and the team's lexicon found there); `crf` trains and runs python-crfsuite on them, one model per layer;
`training` gathers the confirmed reports from a project, scores the model by k-fold on them, and
stores it in the project file.  The suggester runs it beside the rules (suggest/suggester.py).
See docs/adr/0018-learnt-suggestions.md.
"""
