#pragma once

#include <core/Error.h>

#include <QString>

namespace Tongban::Platform {

/*!
 * Error codes of the platform module. The platform's machine code (contract
 * §12, e.g. "account_locked") is kept in Error::detail as "code=<machine code>"
 * together with "http=<status>"; use machineCode() / httpStatus() to branch.
 */
enum ErrorCode {
    NetworkUnavailable = Core::ErrorRange::Platform + 1, ///< no route, refused, DNS, timeout
    TlsFailure, ///< certificate not trusted, handshake failed
    InvalidResponse, ///< not JSON, truncated, missing members
    ResponseTooLarge, ///< above ApiClient::maxResponseBytes
    InvalidCredentials, ///< 401 invalid_credentials
    AccountLocked, ///< 423 account_locked (detail carries until=<RFC 3339>)
    WindowMismatch, ///< 403 window_mismatch
    AccountDisabled, ///< 403 account_disabled
    SessionExpired, ///< token_expired / token_invalid that a refresh could not cure
    NotSignedIn, ///< no tokens for this account and window
    KeychainFailed, ///< the OS keychain refused or is unavailable
    ServerUnavailable, ///< 5xx, 408, 429: retried with backoff
    RequestRejected, ///< any other 4xx
    NotFound, ///< 404 / 410
    Conflict, ///< 409
    ValidationFailed, ///< 422 validation_failed / unknown_item
    UploadFailed, ///< a tus upload could not complete (see detail)
    CatalogInvalid, ///< the platform's catalogue failed validation; the old one stays
    InvalidArgument, ///< a programming or configuration error on this side
    CaCertificateInvalid, ///< the configured CA file is missing or unreadable
    Cancelled,
    SessionReplaced, ///< 401 session_replaced: the account signed in at another window
};

/// The platform's machine code ("account_locked") recorded in \a error's detail, or empty.
QString machineCode(const Core::Error &error);
/// The HTTP status recorded in \a error's detail, 0 when there was no HTTP answer.
int httpStatus(const Core::Error &error);
/*!
 * Whether the contract allows retrying the request that failed with \a error
 * (5xx, 408, 429, network failures). TLS failures are not retried.
 */
bool isRetryable(const Core::Error &error);
/*!
 * Whether a queued request (outbox case, mailing, guide report) that failed with
 * \a error waits and tries again by itself: isRetryable(), or a state of this
 * workstation that passes (no session, session expired, account locked, disk full).
 */
bool waitsAndRetries(const Core::Error &error);

} // namespace Tongban::Platform
