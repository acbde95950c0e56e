"""The one error type the CLI turns into a one-line message and exit code 2."""


class InputError(Exception):
    """Bad input: a missing, unreadable, undecodable or misaligned file, or a bad option.

    The message is complete on its own: it names the file and says what to do.
    """
