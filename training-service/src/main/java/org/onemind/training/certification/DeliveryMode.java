package org.onemind.training.certification;

public enum DeliveryMode {
    IN_PERSON,
    VIRTUAL_LIVE,
    RECORDED
}
