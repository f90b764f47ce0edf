"""One error hierarchy for the pipeline, rooted at `PipelineError`.

Every error a user can cause or fix carries a one-line message that names the
bad value (usually a file), what was expected and the fix. The CLI prints it as
`error: <message>` and exits non-zero; nothing else is caught there.
"""

from __future__ import annotations


class PipelineError(Exception):
    """Root of every error the pipeline raises on purpose."""


class InputError(PipelineError):
    """A source document cannot be read as a programme (missing, empty, binary, ...)."""


class EnvironmentProblem(PipelineError):
    """A required tool or model is missing; the message names the command that installs it."""


class ValidationProblem(PipelineError):
    """A JSON document does not satisfy the published contract."""
