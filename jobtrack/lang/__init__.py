"""Languages as data: the vocabularies, language detection, dates found in
text and dates as people type them. Used by extraction and the front ends alike."""
