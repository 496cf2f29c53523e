package io.vodkit.emulator.internal.api;

import java.util.Locale;

/**
 * Every OpenAPI error the emulator can return: HTTP status, {@code Error.Code}, {@code Error.CodeN} (only where the
 * platform documents one, spec §4.2) and the message format. Several constants may share one code when the
 * situations deserve different messages.
 */
public enum ApiError {
    MISSING_PARAMETER(400, "MissingParameter", 100002, "The request is missing %s parameter."),
    MISSING_AUTHENTICATION_TOKEN(401, "MissingAuthenticationToken", 100003, "Request is missing Authentication Token."),
    MISSING_REQUEST_INFO(400, "MissingRequestInfo", 100004, "The request is missing %s information."),
    MISSING_SIGNATURE(401, "MissingSignature", 100005, "The request is missing signature."),
    INVALID_TIMESTAMP(400, "InvalidTimestamp", 100006, "The signature of the request is expired."),
    INVALID_ACTION_OR_VERSION(404, "InvalidActionOrVersion", 100008, "Could not find operation %s for version %s."),
    INVALID_ACCESS_KEY(401, "InvalidAccessKey", 100009, "The accesskey [%s] included in the request is invalid."),
    SIGNATURE_DOES_NOT_MATCH(
            401,
            "SignatureDoesNotMatch",
            100010,
            "The request signature we calculated does not match the signature you provided. Check your Secret Access "
                    + "Key and signing method. Consult the service documentation for details."),
    /** CodeN 100024 is quoted by third-party code only (spec §4.2). */
    INVALID_AUTHORIZATION(
            401, "InvalidAuthorization", 100024, "Invalid Authorization header, Pls check authorization header. %s"),
    METHOD_NOT_ALLOWED(405, "MethodNotAllowed", null, "HTTP Method Not Allowed."),
    REQUEST_TOO_LARGE(413, "RequestEntityTooLarge", null, "The request body is larger than %d bytes."),
    /** media-management.md A16 (DeleteMedia's documented code and message, used for every list limit). */
    ITEM_LIMIT_EXCEEDED(
            400,
            "InvalidParameter.ItemLimitExceeded",
            null,
            "The number of %s entered is greater than the limit (%d)."),
    INVALID_PARAMETER(400, "InvalidParameter", null, "The parameter %s has an invalid value %s: %s."),
    SPACE_NOT_FOUND(404, "ResourceNotFound", null, "The space %s does not exist."),
    /** SetCallbackEvent's documented code for a space that does not exist (reference-setcallbackevent). */
    INVALID_SPACE_NAME(
            400, "InvalidParameter.InvalidSpaceName", null, "Invalid SpaceName: the space %s does not exist."),
    DOMAIN_NOT_FOUND(404, "ResourceNotFound", null, "The domain %s does not exist in space %s."),
    FILE_NAME_COMMITTED(
            400,
            "InvalidParameter",
            null,
            "The FileName %s holds the committed media %s, which cannot be overwritten; choose another FileName."),
    FILE_NAME_IN_USE(400, "InvalidParameter", null, "The FileName %s is already used in space %s."),
    SESSION_NOT_FOUND(400, "InvalidParameter", null, "The SessionKey %s does not belong to space %s."),
    /** The emulator's choice: a repeated commit that overlaps the first one is asked to retry (spec §7 is silent). */
    COMMIT_IN_PROGRESS(
            503, "ServiceUnavailable", null, "The SessionKey %s is being committed by another request; retry shortly."),
    UPLOAD_NOT_COMPLETE(400, "InvalidParameter", null, "The upload of %s is not complete."),
    /** The emulator's choice of code (StartWorkflow's error is not documented, media-management.md A12). */
    WORKFLOW_TEMPLATE_NOT_FOUND(400, "InvalidParameter", null, "The workflow template %s does not exist."),
    MEDIA_NOT_FOUND(404, "ResourceNotFound", null, "The media %s does not exist."),
    FILE_NOT_FOUND(404, "ResourceNotFound", null, "The file %s does not exist in space %s."),
    EXECUTION_NOT_FOUND(404, "ResourceNotFound", null, "The execution %s does not exist."),
    /** The emulator's choice (spec §10.1 says only that play links need a published video). */
    MEDIA_NOT_PUBLISHED(
            400,
            "InvalidParameter",
            null,
            "The media %s is not published; publish it with UpdateMediaPublishStatus first."),
    /** The code is the emulator's choice; the message carries the "Permission denied" clients look for (§4.3). */
    PRO_NOT_ALLOWED(
            403,
            "RequestForbidden",
            null,
            "Permission denied: the Pro repair style (RepairStyle 2) is " + "available only to allowlisted accounts."),
    /** The emulator's choice for a ClientToken reused with a different request (spec §9.1 names only the token). */
    CLIENT_TOKEN_REUSED(
            400,
            "InvalidParameter",
            null,
            "The ClientToken %s was already used for execution %s with a different Input or Operation."),
    TOO_MANY_EXECUTIONS(429, "RequestLimitExceeded", null, "%d executions are already waiting; retry later."),
    /** The emulator's choice of status and code (507 Insufficient Storage). */
    DISK_FULL(
            507,
            "InsufficientStorage",
            null,
            "There is no space left on the emulator's disk; free some space there and try again."),
    INTERNAL_ERROR(500, "InternalError", null, "The request processing has failed due to some unknown error.");

    private final int httpStatus;
    private final String code;
    private final Integer codeN;
    private final String messageFormat;

    ApiError(int httpStatus, String code, Integer codeN, String messageFormat) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.codeN = codeN;
        this.messageFormat = messageFormat;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    /** The platform's numeric code, or {@code null} when none is documented. */
    public Integer codeN() {
        return codeN;
    }

    public ApiException exception(Object... args) {
        return new ApiException(this, String.format(Locale.ROOT, messageFormat, args));
    }
}
