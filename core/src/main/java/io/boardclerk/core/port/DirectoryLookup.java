package io.boardclerk.core.port;

import java.util.List;

/** What a directory search came to. */
public sealed interface DirectoryLookup {

    /** Exactly one person matched. */
    record Found(DirectoryPerson person) implements DirectoryLookup {
    }

    /** More than one person could be meant: ask which, never guess. */
    record Several(List<DirectoryPerson> people) implements DirectoryLookup {
        public Several {
            people = List.copyOf(people);
        }
    }

    /** Nobody in the directory matched. */
    record NotFound() implements DirectoryLookup {
    }

    /** No directory is configured (local mode, or no Graph credentials). */
    record Off() implements DirectoryLookup {
    }

    /**
     * The directory could not be searched.
     *
     * @param problem what went wrong and what would fix it, in words for the chair or secretary; never a secret
     */
    record Failed(String problem) implements DirectoryLookup {
    }
}
