"""The binding parameter ids of ../shared/DESIGN.md ("Parameter ids"), in one place for every test."""

from __future__ import annotations

DESIGN_IDS = frozenset("""
online_services.change_of_address online_services.registration_certificate
online_services.register_information online_services.resident_parking_permit
online_services.vehicle_registration online_services.vehicle_deregistration
online_services.business_registration online_services.business_deregistration
online_services.daycare_registration online_appointments.citizens_office
online_appointments.registry_office online_appointments.trade_office
online_appointments.immigration_office online_appointments.vehicle_registration_office
citizen_information.chatbot citizen_information.hotline_115 citizen_information.defect_reporting
social_media.facebook social_media.twitter social_media.instagram social_media.youtube
city_app.available citizens_office.e_payment internal_processes.digital_council_work
open_data.portal geodata.portal participation.platform participation.council_tv
""".split())
