"""The Telegram front end: python-telegram-bot handlers that render the shared conversation.

Handlers only read the update, call the conversation (which calls the services) and render
its replies as HTML with inline keyboards. Nothing here knows about treaties or agendas. Every
reply goes out as the messages :meth:`Reply.messages` cuts it into, under Telegram's limit,
with the keyboard on the last one.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import secrets
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlparse

import httpx
from telegram import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot import actions
from bot.change_views import agenda_problems_reply, review_reply
from bot.conversation import DATABASE_BUSY, Conversation, User
from bot.health import HEARTBEAT_SECONDS, write_heartbeat
from bot.i18n import ENGLISH, LANGUAGES, N_, _, speaking
from bot.inline import shared_articles
from bot.ratelimit import RateLimiter
from bot.replies import Reply, clip
from bot.services import Services, build_services
from bot.settings import Settings
from scheduler.outbox import OutboxDispatcher, SendResult
from scheduler.store import is_busy, sole_sender

log = logging.getLogger(__name__)
T = TypeVar("T")

SEND_TIMEOUT = 30.0  # seconds to wait for Telegram's answer before a send is "unknown"
OUTBOX_GRACE = 10.0  # seconds a stopping bot lets the outbox finish and record its sends
NO_RETRY = -1  # rate_limit_args of a send the limiter must not retry (the outbox waits itself)
RETRY_PAUSES = (0.5, 2.0)  # seconds before a request Telegram surely did not get goes again
CAPTION_LIMIT = 1024  # UTF-16 units, like message texts
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what setWebhook accepts
Context = ContextTypes.DEFAULT_TYPE


class TokenProblem(Exception):
    """The token or webhook secret is missing or unusable; the message says what to do."""


class DeliveryRateLimiter(AIORateLimiter):
    """AIORateLimiter, except that a request made with ``rate_limit_args=NO_RETRY`` is not
    retried on RetryAfter: the outbox records it pending and waits the pause itself, so a
    kill during the pause leaves the row pending (sent later), not `unknown` (never resent).

    Every other request (a reply, an edit, a callback's answer) is also tried again after a
    server error or a failed connection (see ``not_delivered``), RETRY_PAUSES apart: a single
    502 from Telegram no longer loses an answer."""

    async def process_request(  # noqa: PLR0917 - the signature PTB calls
        self,
        callback: Callable[..., Coroutine[Any, Any, Any]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        if rate_limit_args != NO_RETRY:
            for pause in RETRY_PAUSES:
                try:
                    return await super().process_request(
                        callback, args, kwargs, endpoint, data, rate_limit_args
                    )
                except NetworkError as error:
                    if not not_delivered(error):
                        raise
                    log.warning("%s failed (%s): again in %.1f s", endpoint, error.message, pause)
                    await asyncio.sleep(pause)
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )
        chat_id = data.get("chat_id")
        group = chat_id if isinstance(chat_id, int) and chat_id < 0 else False
        return await self._run_request(
            chat=chat_id is not None,
            group=group,
            allow_paid_broadcast=bool(data.get("allow_paid_broadcast", False)),
            callback=callback,
            args=args,
            kwargs=kwargs,
        )


def not_delivered(error: NetworkError) -> bool:
    """Whether Telegram surely did not act on a failed request: it answered with a server
    error (5xx: PTB's NetworkError straight from the status), or no connection was made. After
    a timeout or a dropped connection it may have: never sent again (no message twice)."""
    cause = error.__cause__
    if isinstance(cause, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout):
        return True
    if isinstance(error, BadRequest | TimedOut):
        return False
    return cause is None or isinstance(cause, TelegramError)  # a 5xx, its body unreadable


def _read_it_all(rest: str | None, bot_name: str | None) -> InlineKeyboardMarkup | None:
    """Under a long article pasted by its first page: a button opening the whole of it, page
    by page, in the bot's own chat (a t.me link with its /start payload)."""
    if rest is None or not bot_name:
        return None
    link = f"https://t.me/{bot_name}?start={rest}"
    return InlineKeyboardMarkup([[InlineKeyboardButton(_("📄 Read it all"), url=link)]])


def _maybe_delivered(error: BaseException | None) -> bool:
    """Whether a reply that failed may have reached the chat all the same: it timed out, or
    the connection dropped, after the request went out."""
    if not isinstance(error, NetworkError) or isinstance(error, BadRequest):
        return False
    return not not_delivered(error)


class TelegramSender:
    """The outbox's Sender on the real bot: Telegram's errors mapped to outcomes. A failure
    Telegram surely did not act on (``not_delivered``: no connection, a 5xx) is transient
    and sent again; one after the request went out (a timeout, a dropped connection) is
    unknown, never sent again by itself: Telegram may have delivered it."""

    def __init__(self, bot: Any) -> None:
        self.bot = bot

    async def send(self, chat_id: int, html: str) -> SendResult:
        try:
            await self.bot.send_message(
                chat_id,
                html,
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                read_timeout=SEND_TIMEOUT,
                write_timeout=SEND_TIMEOUT,
                rate_limit_args=NO_RETRY,
            )
        except RetryAfter as error:
            wait = error.retry_after
            return SendResult.retry(wait if isinstance(wait, int | float) else wait.total_seconds())
        except Forbidden as error:
            return SendResult.blocked(error.message)
        except TimedOut as error:
            if "pool" in str(error).lower() or not_delivered(error):  # never left, or never
                return SendResult.transient(str(error))  # connected: it did not arrive
            return SendResult.unknown(str(error))  # it went out: Telegram may well have it
        except BadRequest as error:  # (a NetworkError in PTB) trying again will not help
            return SendResult.failed(error.message)
        except NetworkError as error:
            if not_delivered(error):  # no connection, or a 5xx: it certainly did not arrive
                return SendResult.transient(str(error))
            # the connection dropped after the request went out (httpx.ReadError,
            # RemoteProtocolError): Telegram may have delivered it, and sent again it is twice
            return SendResult.unknown(str(error))
        except TelegramError as error:
            return SendResult.failed(error.message)
        return SendResult.ok()


class TelegramFrontEnd:
    """Owns the conversation and the rate limiter; its bound methods are the handlers.

    Everything that touches the services (answering, reloading, claiming reminders) runs in
    one worker thread, never on the event loop: while a question is answered or the agenda
    reloaded, updates keep arriving, the outbox keeps sending and flood warnings go out. One
    thread, because the search index's searcher and the services' swap on /reload are not
    made for concurrent use; answering takes tens of milliseconds."""

    def __init__(self, services: Services, conversation: Conversation | None = None) -> None:
        self.services = services
        self.conversation = conversation or Conversation(services)
        self.limiter = RateLimiter(services.settings.rate_limit_per_minute)
        self._first_tick = True
        self.stopping = asyncio.Event()  # set at shutdown: the outbox finishes its send and stops
        self.outbox: asyncio.Task[None] | None = None
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="services")

    async def outbox_stopped(self) -> None:
        """Wait for the outbox to record its sends in flight before the database closes.

        A send that does not finish within OUTBOX_GRACE (a long flood-control pause) is
        cancelled: its row is recorded `unknown`, the rows not begun stay pending for the next
        start. Left running, its sends went out after the database was closed, unrecorded, and
        were sent again at the next start."""
        task = self.outbox
        if task is None or task.done():
            return
        try:
            await asyncio.wait_for(asyncio.shield(task), OUTBOX_GRACE)
        except TimeoutError:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        except Exception:  # its failure is logged by the dispatcher; stopping goes on
            log.exception("the outbox stopped with an error")

    async def off_loop(self, work: Callable[..., T], *args: Any) -> T:
        """``work(*args)`` in the services' worker thread."""
        return await asyncio.get_running_loop().run_in_executor(self.worker, work, *args)

    async def send_reminders(self, context: Context) -> None:
        """The periodic job: claim due reminders and hand them to the outbox, which paces
        them, waits out flood control and retries (a 429 no longer strands a batch)."""
        first, self._first_tick = self._first_tick, False
        await self.off_loop(partial(self.conversation.queue_due_reminders, resume=first))

    async def beat(self, context: Context) -> None:
        """The health check's heartbeat: written by the event loop, so a stuck loop shows."""
        try:
            write_heartbeat(self.services.settings.heartbeat_path)
        except OSError as error:
            log.warning("could not write the heartbeat: %s", error)

    async def review_agenda_at_start(self, bot: Any) -> None:
        """Edits made while the bot was stopped: announced if small; a large change waits,
        and every organiser is told (a decision needs their tap, nothing is sent before)."""
        try:
            review = await self.off_loop(self.services.review_agenda)
        except Exception:  # the bot still answers; the next /reload reviews again
            log.exception("could not review the agenda changes at start")
            return
        if self.services.agenda_problems:
            await self._tell_organisers(bot, lambda: agenda_problems_reply(self.services))
        if review is None:
            return
        with speaking(ENGLISH):
            log.info("agenda at start: %s", review_reply(review).plain().splitlines()[0])
        if review.held:
            await self._tell_organisers(bot, lambda: review_reply(review))

    async def _tell_organisers(self, bot: Any, write: Callable[[], Reply]) -> None:
        """``write``'s reply to every organiser, in each one's language."""
        subscriptions = self.services.subscriptions
        for organiser in sorted(self.services.settings.organisers):
            with speaking(subscriptions.language(organiser) if subscriptions else None):
                reply = write()
            try:
                await bot.send_message(
                    organiser,
                    reply.html(),
                    parse_mode=ParseMode.HTML,
                    reply_markup=_keyboard(reply),
                    link_preview_options=NO_PREVIEW,
                )
            except TelegramError as error:  # never talked to the bot: /reload shows it too
                log.warning("could not tell organiser %s: %s", organiser, error)

    def install(self, application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        private = filters.ChatType.PRIVATE
        groups = filters.ChatType.GROUPS
        application.add_handler(CommandHandler(list(self.conversation.commands), self.on_message))
        application.add_handler(
            MessageHandler(filters.UpdateType.MESSAGE & filters.TEXT & private, self.on_message)
        )
        mentioned = filters.Entity(MessageEntity.MENTION) | filters.REPLY
        application.add_handler(
            MessageHandler(
                filters.UpdateType.MESSAGE & filters.TEXT & groups & mentioned, self.on_mention
            )
        )
        application.add_handler(
            MessageHandler(filters.UpdateType.MESSAGE & private & ~filters.TEXT, self.on_other)
        )
        application.add_handler(CallbackQueryHandler(self.on_button))
        application.add_handler(InlineQueryHandler(self.on_inline))
        application.add_error_handler(self.on_error)
        if application.job_queue is not None:
            tick = self.services.settings.reminder_tick_seconds
            application.job_queue.run_repeating(self.send_reminders, interval=tick, first=1)
            application.job_queue.run_repeating(self.beat, interval=HEARTBEAT_SECONDS, first=0)

    # --- handlers ---------------------------------------------------------------------

    async def on_message(self, update: Update, context: Context) -> None:
        message = update.effective_message
        user = _user(update)
        if message is None or message.text is None or user is None:
            return
        if not await self._allowed(message, user):
            return
        # the entities as HTML: a broadcast keeps the organiser's bold, italics and links
        formatted = message.text_html if message.entities else None
        replies = await self.off_loop(self._answer, message.text, user, formatted)
        await self._send(message, replies)

    def _answer(self, text: str, user: User, formatted: str | None) -> list[Reply]:
        subscriptions = self.services.subscriptions
        if subscriptions is not None and user.chat_id == user.id:  # known, not blocked any more
            self.services.bookkeeping.attempt(
                "a chat seen", lambda: subscriptions.seen(user.chat_id)
            )
        return self.conversation.message(text, user, formatted)

    async def on_mention(self, update: Update, context: Context) -> None:
        """In groups the bot answers only when named (@bot ...) or replied to."""
        message = update.effective_message
        user = _user(update)
        if message is None or message.text is None or user is None:
            return
        username = context.bot.username
        replied_to_bot = bool(
            message.reply_to_message
            and message.reply_to_message.from_user
            and message.reply_to_message.from_user.id == context.bot.id
        )
        mention = f"@{username}"
        if mention.lower() not in message.text.lower() and not replied_to_bot:
            return
        if not await self._allowed(message, user):
            return
        text = re.sub(re.escape(mention), " ", message.text, flags=re.IGNORECASE)
        await self._send(message, await self.off_loop(self.conversation.message, text, user))

    async def on_other(self, update: Update, context: Context) -> None:
        """Stickers, photos, voice notes...: say politely what the bot can read."""
        message = update.effective_message
        user = _user(update)
        if message is not None and user is not None:
            await message.reply_text(
                await self._said(
                    user, N_("I can only read text messages. Ask me a question, or send /help.")
                )
            )

    async def on_button(self, update: Update, context: Context) -> None:
        query = update.callback_query
        user = _user(update)
        if query is None or user is None:
            return
        reply = await self.off_loop(self.conversation.action, query.data, user)
        if reply is None:
            await query.answer(
                await self._said(user, N_("This button has expired. Please ask again."))
            )
            return
        message = query.message
        if reply.toast is not None:  # a 👍/👎: said in a toast, the answer stays as it was
            await query.answer(reply.toast)
            if isinstance(message, Message) and message.reply_markup is not None:
                await _drop_feedback_buttons(message)
            return
        await query.answer()
        if not isinstance(message, Message):
            return
        if not reply.in_place:  # a result or related article opens below: the list stays
            await self._send(message, [reply])
            return
        parts = reply.messages()
        if not parts:
            return
        first, *rest = parts
        try:  # the pressed message becomes the first part (a page turns in place)
            await message.edit_text(
                first,
                parse_mode=ParseMode.HTML,
                reply_markup=None if rest else _keyboard(reply),
                link_preview_options=NO_PREVIEW,
            )
        except BadRequest as error:  # a double tap: "not modified"; a stale or forged button:
            # "message to edit not found", "message can't be edited"; the query is answered
            if "not modified" not in str(error).lower():
                log.warning("pressed message not edited: %s", error.message)
                return
        await _send_parts(message, rest, reply)

    async def on_inline(self, update: Update, context: Context) -> None:
        """`@bot art 29` or `@bot preservation` in any chat: articles to paste."""
        query = update.inline_query
        if query is None:
            return
        language = query.from_user.language_code if query.from_user else None
        bot_name = context.bot.username if context.bot else None
        results = await self.off_loop(self._inline_results, query.query, language, bot_name)
        await query.answer(results, cache_time=300, is_personal=False)

    def _inline_results(
        self, query: str, language: str | None, bot_name: str | None
    ) -> list[InlineQueryResultArticle]:
        with speaking(language):
            return [
                InlineQueryResultArticle(
                    id=shared.id,
                    title=shared.title,
                    description=shared.description,
                    input_message_content=InputTextMessageContent(shared.text),
                    reply_markup=_read_it_all(shared.rest, bot_name),
                )
                for shared in shared_articles(self.services.corpus, self.services.ask, query)
            ]

    async def on_error(self, update: object, context: Context) -> None:
        # never the update itself: it carries the participant's words and name
        number = update.update_id if isinstance(update, Update) else None
        busy = context.error is not None and is_busy(context.error)
        if busy:  # not a fault: another program holds the database; nothing was written
            log.warning("update %s: %s", number, context.error)
        elif update is None and isinstance(context.error, NetworkError):
            # polling could not reach Telegram: PTB tries again; a line says so, no traceback
            log.warning("polling: %s", context.error)
        else:
            log.error("update %s failed", number, exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat:
            user = _user(update)
            if busy:
                sorry = DATABASE_BUSY
            elif _maybe_delivered(context.error):  # the reply may well have arrived, late
                sorry = N_(
                    "Telegram was slow to confirm my reply: if it did not reach you, ask again."
                )
            else:
                sorry = N_("Sorry, something went wrong on my side. Please try again in a moment.")
            try:
                await context.bot.send_message(
                    update.effective_chat.id,
                    await self._said(user, sorry) if user else _(sorry),
                )
            except TelegramError:
                log.warning("could not tell chat %s about the failure", update.effective_chat.id)

    # --- helpers ----------------------------------------------------------------------

    async def _allowed(self, message: Message, user: User) -> bool:
        """The flood guard; organisers at work (a burst of /broadcast and /delivery) pass."""
        if user.id in self.services.settings.organisers or self.limiter.allow(user.id):
            return True
        if self.limiter.should_warn(user.id):
            await message.reply_text(
                await self._said(
                    user,
                    N_(
                        "You're sending messages faster than I can read them. Please wait a minute."
                    ),
                )
            )
        return False

    async def _said(self, user: User, text: str) -> str:
        """``text`` (marked with N_) in the language of the user's chat."""
        language = await self.off_loop(self.conversation.language_of, user)
        with speaking(language):
            return _(text)

    async def _send(self, message: Message, replies: list[Reply]) -> None:
        for reply in replies:
            if reply.document:
                name, content = reply.document
                caption = clip(reply.plain(), CAPTION_LIMIT)
                await message.reply_document(content, filename=name, caption=caption)
                continue
            await _send_parts(message, reply.messages(), reply)


async def _send_parts(message: Message, parts: list[str], reply: Reply) -> None:
    """Send ``parts`` of ``reply`` to the chat of ``message``, the keyboard on the last."""
    for number, part in enumerate(parts):
        await message.reply_text(
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=_keyboard(reply) if number == len(parts) - 1 else None,
            link_preview_options=NO_PREVIEW,
        )


async def _drop_feedback_buttons(message: Message) -> None:
    markup = message.reply_markup
    if markup is None:
        return
    rows = [
        row
        for row in markup.inline_keyboard
        if not any(actions.is_feedback(button.callback_data) for button in row)
    ]
    try:
        await message.edit_reply_markup(InlineKeyboardMarkup(rows) if rows else None)
    except BadRequest as error:  # already edited by a double tap
        log.info("feedback buttons not removed: %s", error)


def _user(update: Update) -> User | None:
    sender = update.effective_user
    chat = update.effective_chat
    if sender is None:
        return None
    language = (sender.language_code or "").split("-")[0].lower() or None
    return User(
        id=sender.id,
        chat_id=chat.id if chat else sender.id,
        name=sender.full_name,
        language=language,
    )


def _keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(b.label, callback_data=b.action) for b in row]
            for row in reply.buttons
        ]
    )


def build_application(
    settings: Settings,
    services: Services,
    *,
    configure: Callable[[ApplicationBuilder[Any, Any, Any, Any, Any, Any]], None] | None = None,
) -> Application[Any, Any, Any, Any, Any, Any]:
    """The PTB application wired to the services; ``configure`` lets tests swap the request."""
    if not settings.telegram_token:
        raise TokenProblem("No Telegram token: set TELEGRAM_BOT_TOKEN or telegram_token.")
    front = TelegramFrontEnd(services)
    base = settings.api_base_url.rstrip("/")
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_token)
        .base_url(base)
        .base_file_url(base.removesuffix("/bot") + "/file/bot")
        .concurrent_updates(8)
        # every request stays under the limits; a reply that meets a 429 waits and goes again
        .rate_limiter(DeliveryRateLimiter(max_retries=2))
        .post_init(_registering_commands(front))
        .post_stop(_stopping(front))
        .post_shutdown(_closing(front))
    )
    if configure:
        configure(builder)
    logging.getLogger("telegram.request.BaseRequest").addFilter(_UNREADABLE_REPLY)
    application = builder.build()
    front.install(application)
    return application


def _registering_commands(
    front: TelegramFrontEnd,
) -> Callable[[Application[Any, Any, Any, Any, Any, Any]], Coroutine[Any, Any, None]]:
    async def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        database = front.services.database
        if database is not None:
            await front.review_agenda_at_start(application.bot)
            dispatcher = OutboxDispatcher(database, TelegramSender(application.bot))
            # our own task, awaited at stop (PTB does not await tasks made before it runs)
            front.outbox = asyncio.create_task(dispatcher.run(front.stopping), name="outbox")
        await _register_menus(application.bot, front)

    return register


async def _register_menus(bot: Any, front: TelegramFrontEnd) -> None:
    """The participants' menu for everyone, the full one in each organiser's own chat; each
    in every language (Telegram shows the one of the user's language_code, else the default)."""
    conversation = front.conversation

    def menu(organiser: bool, language: str) -> list[BotCommand]:
        with speaking(language):
            return [
                BotCommand(c.command, clip(conversation.live(c.description), 256))
                for c in conversation.help.for_role(organiser)
            ]

    def code(language: str) -> str | None:
        return None if language == "en" else language  # English is the default menu

    try:
        for language in LANGUAGES:
            await bot.set_my_commands(menu(False, language), language_code=code(language))
        for organiser in sorted(front.services.settings.organisers):
            try:
                for language in LANGUAGES:
                    await bot.set_my_commands(
                        menu(True, language),
                        scope=BotCommandScopeChat(organiser),
                        language_code=code(language),
                    )
            except BadRequest as error:  # "chat not found": they never opened the bot
                log.warning("no organiser menu for %s: %s", organiser, error.message)
    except TelegramError:
        log.exception("could not register the command menu; continuing without it")


def _stopping(
    front: TelegramFrontEnd,
) -> Callable[[Application[Any, Any, Any, Any, Any, Any]], Coroutine[Any, Any, None]]:
    async def stop(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        front.stopping.set()
        await front.outbox_stopped()

    return stop


def _closing(
    front: TelegramFrontEnd,
) -> Callable[[Application[Any, Any, Any, Any, Any, Any]], Coroutine[Any, Any, None]]:
    async def close(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
        front.worker.shutdown(wait=True)  # the answer in progress finishes first
        front.services.close()

    return close


def masked(text: str, *secrets_: str | None) -> str:
    """``text`` with every secret shown only by its first characters: "123456:…"."""
    for secret in secrets_:
        if secret and len(secret) >= 4:
            text = text.replace(secret, secret[: min(6, len(secret) // 3)] + "…")
    return text


class SecretsFilter(logging.Filter):
    """Masks the token and webhook secret in every log record, whoever logs it (the token
    is part of every Bot API URL)."""

    def __init__(self, *secrets_: str | None) -> None:
        super().__init__()
        self.secrets = secrets_

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        hidden = masked(message, *self.secrets)
        if hidden != message:
            record.msg, record.args = hidden, None
        if record.exc_info and not record.exc_text:  # the traceback names the token too
            record.exc_text = masked(
                logging.Formatter().formatException(record.exc_info), *self.secrets
            )
        return True


class UnreadableReplyFilter(logging.Filter):
    """PTB logs a traceback and the whole body when Telegram (or a proxy before it) answers
    with something that is not JSON, a 502's HTML page for instance; the error it raises is
    handled where the call was made. One warning line says what came back instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.msg
        if isinstance(message, str) and message.startswith("Can not load invalid JSON data"):
            body = str(record.args[0]) if isinstance(record.args, tuple) and record.args else ""
            record.msg = "Telegram's reply was not JSON (%d characters: %r)"
            record.args = (len(body), " ".join(body.split())[:80])
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info, record.exc_text = None, None
        return True


_UNREADABLE_REPLY = UnreadableReplyFilter()  # one instance: added once however many builds


def webhook_secret(configured: str | None) -> str:
    """The secret Telegram must send with every webhook request; never none at all.

    Without a configured one, a random secret is generated and registered with ``setWebhook``
    at start, so a forged POST to the webhook URL gets 403 however the bot was configured.
    """
    if not configured:
        log.info("TELEGRAM_WEBHOOK_SECRET is not set: registering a random webhook secret")
        return secrets.token_urlsafe(32)
    if not WEBHOOK_SECRET.fullmatch(configured):
        raise TokenProblem(
            "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and - "
            "(Telegram refuses other secrets)"
        )
    return configured


def run_bot(settings: Settings, *, webhook_url: str | None, listen: str, port: int) -> None:
    """Run until stopped: long polling, or a webhook whose secret token Telegram must send."""
    secret = webhook_secret(settings.webhook_secret) if webhook_url else None
    hiding = SecretsFilter(settings.telegram_token, secret)
    for handler in logging.getLogger().handlers:
        handler.addFilter(hiding)
    with sole_sender(settings.db_path):
        _serve(settings, webhook_url, secret, listen, port)


def _serve(
    settings: Settings, webhook_url: str | None, secret: str | None, listen: str, port: int
) -> None:
    services = build_services(settings)
    application = build_application(settings, services)
    try:
        if webhook_url:
            application.run_webhook(
                listen=listen,
                port=port,
                url_path=urlparse(webhook_url).path.lstrip("/"),
                webhook_url=webhook_url,
                secret_token=secret,
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            application.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken as error:
        said = masked(error.message, settings.telegram_token, secret)
        raise TokenProblem(
            f"Telegram rejected the token ({said}). Check TELEGRAM_BOT_TOKEN."
        ) from None
    except Forbidden as error:
        raise TokenProblem(f"Telegram refused the bot: {error.message}") from None
