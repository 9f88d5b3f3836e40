//! Component tests in headless Chromium (wasm-bindgen-test): mount real components with a real
//! session, interact through the DOM, and check both the DOM and the session's answers.
#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use skillscope_app::flow::Screen;
use skillscope_app::screens::QuestionScreen;
use skillscope_app::session::Session;
use skillscope_engine::{validate, Answer};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../crates/engine/tests/fixtures/sample.json");

/// Mounts the question at `id` of the sample survey into a fresh element; returns the session
/// and the container.
fn mount_question(id: &str) -> (Session, HtmlElement) {
    let survey = Arc::new(validate(SAMPLE.as_bytes()).expect("sample is valid"));
    let index = survey.index_of(id).expect("question exists");
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let session = Session::restore(survey, "test".into(), false, "en".into());
    session.screen.set(Screen::Question(index));
    let handle = leptos::mount::mount_to(container.clone(), move || {
        provide_context(session);
        view! { <QuestionScreen index /> }
    });
    handle.forget();
    (session, container)
}

fn input(container: &HtmlElement, selector: &str) -> HtmlInputElement {
    container
        .query_selector(selector)
        .unwrap()
        .expect(selector)
        .unchecked_into()
}

fn press(container: &HtmlElement, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    let form = container.query_selector("form").unwrap().unwrap();
    form.dispatch_event(&event).unwrap();
}

async fn tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn clicking_an_anchored_option_records_it() {
    let (session, c) = mount_question("lit-1");
    assert_eq!(
        c.query_selector_all("fieldset input[type=radio]")
            .unwrap()
            .length(),
        5
    );
    input(&c, "#q2-opt-d").click();
    tick().await;
    assert_eq!(
        session.answers.get_untracked().get("lit-1"),
        Some(&Answer::Str("d".into()))
    );
    assert!(input(&c, "#q2-opt-d").checked());
    assert!(!input(&c, "#q2-opt-a").checked());
}

#[wasm_bindgen_test]
async fn number_keys_pick_options_and_enter_moves_on() {
    let (session, c) = mount_question("lit-1");
    press(&c, "3");
    tick().await;
    assert_eq!(
        session.answers.get_untracked().get("lit-1"),
        Some(&Answer::Str("c".into()))
    );
    press(&c, "Enter");
    tick().await;
    assert_eq!(session.screen.get_untracked(), Screen::Question(3));
}

#[wasm_bindgen_test]
async fn next_on_an_unanswered_required_question_says_why() {
    let (session, c) = mount_question("lit-1");
    let error = c.query_selector("[role=alert]").unwrap().unwrap();
    assert_eq!(error.text_content().unwrap_or_default(), "");
    let next: HtmlElement = c
        .query_selector("button[type=submit]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    next.click();
    tick().await;
    assert_eq!(
        session.screen.get_untracked(),
        Screen::Question(2),
        "stays on the question"
    );
    assert!(error
        .text_content()
        .unwrap()
        .contains("needed for your report"));
}

#[wasm_bindgen_test]
async fn checkboxes_build_a_list() {
    let (session, c) = mount_question("agi-1");
    input(&c, "#q7-opt-a").click();
    input(&c, "#q7-opt-c").click();
    input(&c, "#q7-opt-a").click();
    tick().await;
    assert_eq!(
        session.answers.get_untracked().get("agi-1"),
        Some(&Answer::List(vec!["c".into()]))
    );
}

#[wasm_bindgen_test]
async fn the_slider_shows_its_value_and_next_accepts_the_start() {
    let (session, c) = mount_question("hours");
    let output = c.query_selector("output").unwrap().unwrap();
    assert_eq!(output.text_content().unwrap(), "10");
    let range = input(&c, "input[type=range]");
    range.set_value("4");
    range
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(output.text_content().unwrap(), "4");
    assert_eq!(
        session.answers.get_untracked().get("hours"),
        Some(&Answer::Number(4.0))
    );
}
