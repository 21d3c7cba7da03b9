package catdata.container;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class ContainerNameTaken extends ApiException {
    ContainerNameTaken() {
        super(HttpStatus.CONFLICT, "Container name must be unique.");
    }
}
