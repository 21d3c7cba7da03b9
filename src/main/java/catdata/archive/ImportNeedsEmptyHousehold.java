package catdata.archive;

import org.springframework.http.HttpStatus;

import catdata.error.ApiException;

/** An import only fills an empty household: merging two catalogues would need rules nobody asked for. */
final class ImportNeedsEmptyHousehold extends ApiException {

    ImportNeedsEmptyHousehold() {
        super(HttpStatus.CONFLICT, "An archive is imported only into an empty household; this one already holds "
                + "containers, tags, items or photos.");
    }
}
