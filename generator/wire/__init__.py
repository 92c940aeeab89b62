"""Raw wire copy: parse seeds, find names, write headlines."""
