package io.vodkit.bench.upload;

/** The uploaders compared, each run as a child JVM through its main class. */
enum Contender {
    VODKIT("vodkit", VodkitUpload.class),
    OFFICIAL_SDK("official SDK", OfficialSdkUpload.class),
    SINGLE_STREAM("single PUT", SingleStreamUpload.class);

    final String label;
    final Class<?> mainClass;

    Contender(String label, Class<?> mainClass) {
        this.label = label;
        this.mainClass = mainClass;
    }
}
