//! The central committee in the browser: a municipality's 510b taken in from the result page as
//! that municipality's first entry, its paper report typed as the second, and the seats.

use std::sync::Arc;

use store::{Role, Store};

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_municipality_s_file_is_taken_in_and_its_report_typed() {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(Store::open_or_create(dir.path()).unwrap());
    let (definition, candidates, count) = (
        "eml/composed/Verkiezingsdefinitie_GR2022_WestMaasenWaal.composed.eml.xml",
        "eml/real/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml",
        "eml/real/Telling_GR2022_WestMaasenWaal.eml.xml",
    );
    let election = eml::import_election(
        eml::SourceFile::new(definition, &testkit::fixture(definition)),
        eml::SourceFile::new(candidates, &testkit::fixture(candidates)),
        None,
    )
    .unwrap();
    store
        .import_election(&Actor::new("test", "setup"), election.clone(), Vec::new())
        .unwrap();
    common::add_user(&store, "coord", Role::Coordinator, false);
    common::add_user(&store, "anna", Role::Typist, false);
    let server = Server::serve(store, dir, common::test_config()).await;
    let coord = server.login("coord").await;
    let result_page = format!("/elections/{}/result", election.id);
    let page = coord.get(&result_page).await.text().await.unwrap();
    assert!(page.contains("id=\"import-municipality\""), "{page}");

    let file = testkit::fixture(count);
    let path = format!("/elections/{}/result/municipality", election.id);
    let refused = coord
        .upload(&path, "Telling_kapot.eml.xml", b"<not-eml/>")
        .await;
    assert!(refused.status().is_client_error(), "{}", refused.status());
    let taken = coord
        .upload(&path, "Telling_GR2022_WestMaasenWaal.eml.xml", &file)
        .await;
    assert_eq!(taken.status(), StatusCode::SEE_OTHER);
    let overview = coord
        .get(&format!("/elections/{}/overview", election.id))
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains("id=\"row-668\""), "{overview}");
    assert!(overview.contains("West Maas en Waal"), "{overview}");

    // The paper report typed as the second entry: equal to the file, definitive.
    let (_, total) = eml::read_count_total(eml::SourceFile::new(count, &file), &election).unwrap();
    let fields: BTreeMap<String, Value> = model::count::CountForm::Netherlands(total)
        .submitted(&election.contests[0])
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    let anna = server.login("anna").await;
    assert_eq!(
        anna.type_entry(election.id.as_str(), 668, &fields).await,
        "definitive"
    );
    let page = coord.get(&result_page).await.text().await.unwrap();
    assert!(page.contains("id=\"seats\""), "{page}");
}
