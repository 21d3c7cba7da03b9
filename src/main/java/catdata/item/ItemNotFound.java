package catdata.item;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

final class ItemNotFound extends ApiException {
    ItemNotFound() {
        super(HttpStatus.NOT_FOUND, "Item not found.");
    }
}
