package catdata.container;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** Also thrown by the item lists, for a container that is not the caller's. */
public final class ContainerNotFound extends ApiException {
    public ContainerNotFound() {
        super(HttpStatus.NOT_FOUND, "Container not found.");
    }
}
