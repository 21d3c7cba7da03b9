package catdata.image;

/** The answer to an upload, as the original gave it: the new id and the stored file name. */
record UploadResponse(long id, String filename) {
}
