fn main() {
    skillscope_app::start();
}
