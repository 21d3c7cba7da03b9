package catdata.container;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class ContainerNotEmpty extends ApiException {
    ContainerNotEmpty() {
        super(HttpStatus.CONFLICT, "Container is not empty.");
    }
}
