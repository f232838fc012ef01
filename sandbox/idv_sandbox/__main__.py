"""``idv-sandbox serve``: run the local stand-in for the deepidv, Didit and Beltic APIs."""

from __future__ import annotations

import argparse

from idv_sandbox.config import DEFAULT_API_KEY, DEFAULT_DIDIT_WORKFLOW_ID, SandboxConfig
from idv_sandbox.faults import FailRule, Faults
from idv_sandbox.outcomes import parse_mix
from idv_sandbox.registry import sandbox_vendors
from idv_sandbox.server import serve
from idv_sandbox.webhooks import DEFAULT_BACKOFF


def parse_fail(value: str) -> FailRule:
    """``STATUS[:COUNT[:RETRY_AFTER]]`` → a FailRule (ValueError when malformed)."""
    parts = value.split(":")
    if not 1 <= len(parts) <= 3:
        raise ValueError(value)
    keys = ("status", "count", "retry_after")
    return FailRule.from_dict({k: int(v) for k, v in zip(keys, parts, strict=False)})


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="idv-sandbox", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="serve the sandbox API over HTTP")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8080)
    run.add_argument("--db", default="idv-sandbox.db", help="SQLite file (':memory:' for none)")
    run.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        help=f"accepted API key, repeatable (default: {DEFAULT_API_KEY})",
    )
    run.add_argument(
        "--auto-submit-after",
        type=float,
        default=5.0,
        metavar="SECONDS",
        help="complete each applicant's flow this long after create (negative: never)",
    )
    run.add_argument(
        "--outcomes",
        default="clean_pass",
        metavar="MIX",
        help="auto-mode outcome weights, e.g. 'clean_pass=0.8,face_mismatch=0.2'",
    )
    run.add_argument("--seed", type=int, default=0, help="seed of the outcome draw")
    run.add_argument(
        "--tokens", type=int, help="token balance of each API key (default: unlimited)"
    )
    run.add_argument("--rate-limit", type=float, metavar="RPS", help="requests/second per key")
    run.add_argument("--rate-burst", type=int, metavar="N", help="burst size of the rate limit")
    run.add_argument(
        "--latency", type=float, default=0.0, metavar="SECONDS", help="added to every API request"
    )
    run.add_argument(
        "--fail",
        action="append",
        default=[],
        metavar="STATUS[:COUNT[:RETRY_AFTER]]",
        help="answer STATUS to the next COUNT API requests, with a Retry-After of RETRY_AFTER "
        "seconds when given (repeatable)",
    )
    run.add_argument(
        "--drop-after-create",
        type=int,
        default=0,
        metavar="N",
        help="drop the connection after committing each of the next N creates",
    )
    run.add_argument(
        "--didit-workflow",
        action="append",
        dest="didit_workflows",
        metavar="UUID",
        help=f"a Didit workflow that exists, repeatable (default: {DEFAULT_DIDIT_WORKFLOW_ID})",
    )
    run.add_argument(
        "--didit-expire-after",
        type=float,
        metavar="SECONDS",
        help="Didit sessions not finished this long after create expire (default: never)",
    )
    run.add_argument(
        "--didit-webhook-url",
        metavar="URL",
        help="send Didit's signed status.updated webhooks here (with --didit-webhook-secret)",
    )
    run.add_argument(
        "--didit-webhook-secret", metavar="SECRET", help="the webhook destination's shared key"
    )
    run.add_argument(
        "--webhook-backoff",
        default=",".join(f"{s:g}" for s in DEFAULT_BACKOFF),
        metavar="SECONDS,...",
        help="seconds before each retry of a webhook the receiver did not take",
    )
    run.add_argument(
        "--beltic-no-decide",
        action="append",
        default=[],
        metavar="API_KEY",
        help="an API key without Beltic's sessions:decide permission (approve/decline: 403)",
    )
    run.add_argument(
        "--seed-submitted",
        type=int,
        default=0,
        metavar="N",
        help="start with N submitted sessions (for the first API key): a backlog to review",
    )
    run.add_argument(
        "--smtp-port",
        type=int,
        metavar="PORT",
        help="also run an SMTP sink on this port that keeps the invites it receives",
    )
    run.add_argument(
        "--seed-vendor",
        choices=[v.name for v in sandbox_vendors()],
        default="deepidv",
        help="whose API --seed-submitted fills",
    )
    run.add_argument(
        "--late-after-create",
        type=int,
        default=0,
        metavar="N",
        help="commit each of the next N creates, then answer only --late-by seconds later",
    )
    run.add_argument(
        "--late-by", type=float, default=5.0, metavar="SECONDS", help="see --late-after-create"
    )
    run.add_argument(
        "--mail-dir",
        default="idv-sandbox-mail",
        metavar="DIR",
        help="where the SMTP sink writes each message as a .eml file",
    )
    args = parser.parse_args(argv)
    try:
        mix = parse_mix(args.outcomes)
    except ValueError as exc:
        parser.error(str(exc))
    try:
        fail = [parse_fail(value) for value in args.fail]
    except ValueError:
        parser.error("--fail takes STATUS[:COUNT[:RETRY_AFTER]], e.g. 503:2 or 429:1:3")
    try:
        backoff = tuple(float(s) for s in args.webhook_backoff.split(",") if s.strip())
    except ValueError:
        parser.error("--webhook-backoff takes seconds separated by commas, e.g. 1,2,4")
    if bool(args.didit_webhook_url) != bool(args.didit_webhook_secret):
        parser.error("--didit-webhook-url and --didit-webhook-secret go together")
    config = SandboxConfig(
        api_keys=frozenset(args.api_keys or [DEFAULT_API_KEY]),
        auto_submit_after=None if args.auto_submit_after < 0 else args.auto_submit_after,
        outcome_mix=mix,
        seed=args.seed,
        tokens=args.tokens,
        rate_limit=args.rate_limit,
        rate_burst=args.rate_burst,
        faults=Faults(
            latency=args.latency,
            fail=fail,
            drop_after_create=args.drop_after_create,
            late_after_create=args.late_after_create,
            late_by=args.late_by,
        ),
        didit_workflows=frozenset(args.didit_workflows or [DEFAULT_DIDIT_WORKFLOW_ID]),
        didit_expire_after=args.didit_expire_after,
        beltic_keys_without_decide=frozenset(args.beltic_no_decide),
        didit_webhook_url=args.didit_webhook_url,
        didit_webhook_secret=args.didit_webhook_secret,
        webhook_backoff=backoff,
    )
    serve(
        args.db,
        config,
        host=args.host,
        port=args.port,
        smtp_port=args.smtp_port,
        mail_dir=args.mail_dir,
        seed_submitted=args.seed_submitted,
        seed_vendor=args.seed_vendor,
    )


if __name__ == "__main__":
    main()
