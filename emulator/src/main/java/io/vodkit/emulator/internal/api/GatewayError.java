package io.vodkit.emulator.internal.api;

import java.util.Locale;

/**
 * Every storage-gateway error: HTTP status, {@code error.error_code}, {@code error.error} and message format.
 * The numeric codes are the emulator's own (spec §6.2 names the fields, not the values); they stay below 5000 for
 * client errors because the Volcengine Go uploader retries a host when {@code error_code >= 5000}.
 */
public enum GatewayError {
    INVALID_PATH(400, 4000, "InvalidPath", "invalid object path %s: %s"),
    INVALID_REQUEST(400, 4001, "InvalidRequest", "%s"),
    CRC_MISMATCH(400, 4002, "CrcMismatch", "crc32 mismatch: expected %s actual %s"),
    INVALID_PART_NUMBER(400, 4003, "InvalidPartNumber", "partNumber %s is not an integer in 1..%d"),
    MISSING_PART(400, 4004, "MissingPart", "part %d of upload %s was not uploaded"),
    INVALID_MERGE_BODY(400, 4005, "InvalidMergeBody", "invalid merge body: %s"),
    MISSING_AUTHORIZATION(401, 4010, "MissingAuthorization", "the request has no Authorization header"),
    INVALID_AUTHORIZATION(403, 4030, "InvalidAuthorization", "the upload token is not valid for %s: %s"),
    UPLOAD_COMMITTED(
            403,
            4031,
            "UploadCommitted",
            "%s is committed as media %s: committed objects cannot be changed and their upload tokens have ended"),
    NO_SUCH_UPLOAD(404, 4040, "NoSuchUpload", "upload %s does not exist for %s, has expired or is already complete"),
    OBJECT_IN_USE(409, 4090, "ObjectInUse", "%s is already stored by space %s"),
    ENTITY_TOO_LARGE(413, 4130, "EntityTooLarge", "the body is larger than the limit of %d bytes"),
    /** The emulator's choice of status (507 Insufficient Storage), so that clients do not send the bytes again. */
    DISK_FULL(
            507,
            5070,
            "InsufficientStorage",
            "no space left on the emulator's disk: free some space there and upload again (logid %s)"),
    INTERNAL_ERROR(500, 5000, "InternalError", "internal error, see the emulator log (logid %s)");

    private final int httpStatus;
    private final int errorCode;
    private final String errorName;
    private final String messageFormat;

    GatewayError(int httpStatus, int errorCode, String errorName, String messageFormat) {
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.errorName = errorName;
        this.messageFormat = messageFormat;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int errorCode() {
        return errorCode;
    }

    public String errorName() {
        return errorName;
    }

    public GatewayException exception(Object... args) {
        return new GatewayException(this, String.format(Locale.ROOT, messageFormat, args));
    }
}
