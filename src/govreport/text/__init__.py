"""The shared text layer: what every stage asks of characters, lines and numbers.

- :mod:`.chars`: sentence and clause punctuation, brackets, the Han tests
- :mod:`.numbering`: heading marker styles and the shape of a heading line
- :mod:`.numerals`: Chinese numerals (一、十二、二〇二五)
- :mod:`.quantities`: numbers with magnitudes (3.5万亿, 一千二百万)
- :mod:`.frequency`: character-frequency ranks (read from the generated :mod:`._frequency`)
"""
