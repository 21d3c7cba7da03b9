package catdata.tag;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** Also thrown by the item lists, for a tag that is not the caller's. */
public final class TagNotFound extends ApiException {
    public TagNotFound() {
        super(HttpStatus.NOT_FOUND, "Tag not found.");
    }
}
